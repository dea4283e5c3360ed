package io.pipelineevents.routes.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.camel.spi.IdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Against the real Redis on 127.0.0.1:6379 (.ci/run starts it). Each test writes under its own key prefix and
 * deletes its keys afterwards.
 */
class RedisDedupeTest {
    private static final String HOST = "127.0.0.1";
    private static final int PORT = 6379;

    private final String prefix = "pipeline-events-test:" + UUID.randomUUID() + ":";
    private final List<DedupeRepositories> opened = new ArrayList<>();

    @BeforeAll
    static void redisAnswersPing() {
        try (Jedis jedis = new Jedis(HOST, PORT)) {
            assertThat(jedis.ping()).isEqualTo("PONG");
        } catch (RuntimeException e) {
            fail("These tests need Redis on " + HOST + ":" + PORT + " and it does not answer PING (" + e.getMessage()
                    + "). Start it as .ci/run does: redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379"
                    + " --save \"\" --appendonly no", e);
        }
    }

    @AfterEach
    void closeAndDeleteKeys() {
        opened.forEach(DedupeRepositories::close);
        try (Jedis jedis = new Jedis(HOST, PORT)) {
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = jedis.scan(cursor, new ScanParams().match(prefix + "*").count(1000));
                if (!page.getResult().isEmpty()) {
                    jedis.del(page.getResult().toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
    }

    /** One instance of the service: its own connections to the shared Redis. */
    private DedupeRepositories instance(Duration ttl) {
        DedupeRepositories dedupe = DedupeRepositories.open(settings("redis://" + HOST + ":" + PORT, ttl));
        opened.add(dedupe);
        return dedupe;
    }

    private DedupeSettings settings(String url, Duration ttl) {
        return new DedupeSettings(DedupeStore.REDIS, ttl, 0, RedisAddress.fromConfig(url), prefix);
    }

    @Test
    void twoInstancesSharingRedisSkipEachOthersDeliveries() {
        IdempotentRepository first = instance(Duration.ofHours(1)).forRealm("us1");
        IdempotentRepository second = instance(Duration.ofHours(1)).forRealm("us1");

        assertThat(second.contains("sns:1")).isFalse();
        assertThat(first.add("sns:1")).isTrue();
        assertThat(second.contains("sns:1")).isTrue();
        assertThat(second.add("sns:1")).isFalse();
    }

    @Test
    void aKeyLivesInRedisNoLongerThanTheTtl() {
        instance(Duration.ofMinutes(10)).forRealm("us1").add("sns:1");
        try (Jedis jedis = new Jedis(HOST, PORT)) {
            assertThat(jedis.ttl(prefix + "us1:sns:1")).isPositive().isLessThanOrEqualTo(600);
        }
    }

    @Test
    void redisForgetsAKeyOnceTheTtlHasPassed() {
        IdempotentRepository us1 = instance(Duration.ofSeconds(1)).forRealm("us1");
        us1.add("sns:1");
        assertThat(us1.contains("sns:1")).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> !us1.contains("sns:1"));
        assertThat(us1.add("sns:1")).isTrue();
    }

    @Test
    void realmsSharingRedisDoNotShareKeys() {
        DedupeRepositories dedupe = instance(Duration.ofHours(1));
        dedupe.forRealm("us1").add("sns:1");
        assertThat(dedupe.forRealm("eu0").contains("sns:1")).isFalse();
        assertThat(dedupe.forRealm("us1-b").contains("sns:1")).isFalse();
        try (Jedis jedis = new Jedis(HOST, PORT)) {
            assertThat(jedis.get(prefix + "us1:sns:1")).isNotNull();
        }
    }

    @Test
    void aRealmNameThatCouldRunIntoAnotherRealmsKeysIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> instance(Duration.ofHours(1)).forRealm("us1:x"));
    }

    @Test
    void anUnreachableRedisStopsStartUpNamingHostAndPortButNotThePassword() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThatExceptionOfType(DedupeStoreUnavailableException.class)
                .isThrownBy(() -> DedupeRepositories.open(
                        settings("redis://:s3cret@127.0.0.1:" + closedPort, Duration.ofHours(1))))
                .satisfies(e -> assertThat(e.getMessage())
                        .startsWith("dedupe store Redis at 127.0.0.1:" + closedPort + " (pipeline-events.dedupe.redis-url) cannot be used: ")
                        .doesNotContain("s3cret").doesNotContain("\n"));
    }

    @Test
    void aPasswordRedisRefusesStopsStartUpWithoutShowingIt() {
        // The Redis here has no password, so it refuses any AUTH.
        assertThatExceptionOfType(DedupeStoreUnavailableException.class)
                .isThrownBy(() -> DedupeRepositories.open(
                        settings("redis://:s3cret@" + HOST + ":" + PORT, Duration.ofHours(1))))
                .satisfies(e -> assertThat(e.getMessage())
                        .startsWith("dedupe store Redis at " + HOST + ":" + PORT + " (pipeline-events.dedupe.redis-url) cannot be used: ")
                        .doesNotContain("s3cret").doesNotContain("\n"));
    }

    @Test
    void closingTheStoreClosesItsRedisConnections() {
        DedupeRepositories dedupe = instance(Duration.ofHours(1));
        dedupe.forRealm("us1").add("sns:1");
        assertThat(dedupeClients()).isPositive();
        dedupe.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> dedupeClients() == 0);
        assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> dedupe.forRealm("us1"));
    }

    private static long dedupeClients() {
        try (Jedis jedis = new Jedis(HOST, PORT)) {
            return jedis.clientList().lines().filter(line -> line.contains(" name=pipeline-events-dedupe ")).count();
        }
    }
}
