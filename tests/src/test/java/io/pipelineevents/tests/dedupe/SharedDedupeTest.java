package io.pipelineevents.tests.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import io.pipelineevents.mappings.Corpus;
import io.pipelineevents.routes.delivery.DeliveryMetrics;
import io.pipelineevents.tests.support.RunningService;
import io.pipelineevents.tests.support.StubRealm;
import io.pipelineevents.tests.support.TestQueues;
import io.pipelineevents.tests.support.TestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * Several instances on one queue: an SNS duplicate that reaches another instance than its original is skipped
 * when the instances share their dedupe store in Redis, and sent again when each remembers only in memory. The
 * machine's Redis on 127.0.0.1:6379 (.ci/run starts it).
 */
class SharedDedupeTest {
    private static final String ENVELOPE = "sns-sqs-envelope-pipeline-failed.json";

    @TempDir
    Path dir;

    private TestQueues queues;
    private StubRealm realm;
    private String queueUrl;

    @BeforeAll
    static void redisAnswers() {
        try (Jedis redis = new Jedis("127.0.0.1", 6379)) {
            assertThat(redis.ping()).isEqualTo("PONG");
        } catch (RuntimeException e) {
            fail("Redis does not answer on 127.0.0.1:6379 (" + e.getMessage() + "); start it as .ci/run does");
        }
    }

    @BeforeEach
    void start() {
        queues = new TestQueues();
        queueUrl = queues.createQueue("shared");
        // A realm name of its own per run keeps this run's keys apart from any other's in the shared Redis.
        realm = new StubRealm("shared-" + UUID.randomUUID().toString().substring(0, 8), "shared-token");
    }

    @AfterEach
    void stop() {
        realm.close();
        queues.close();
    }

    /** Runs one instance until it has finished one message, then stops it: the next instance starts afresh. */
    private void oneInstanceDelivers(String store, String body, String name) throws Exception {
        Path home = Files.createDirectories(dir.resolve(name));
        Map<String, String> settings = TestSettings.queue(queues, queueUrl).realm(realm)
                .with("dedupe.store", store).build();
        try (RunningService instance = RunningService.start(home, settings)) {
            queues.send(queueUrl, body);
            await().atMost(Duration.ofSeconds(20)).until(() -> queues.messagesOn(queueUrl) == 0);
            assertThat(instance.counter(DeliveryMetrics.EVENTS_DELIVERED, "realm", realm.name())
                    + instance.counter(DeliveryMetrics.DUPLICATES_SKIPPED, "realm", realm.name())).isEqualTo(1);
        }
    }

    private static String snsCopy(String messageId) {
        return Corpus.text(ENVELOPE).replace("5e000000-0000-4000-8000-000000000001", messageId);
    }

    @Test
    void anSnsDuplicateReachingAnotherInstanceIsSkippedWhenInstancesShareRedis() throws Exception {
        String messageId = UUID.randomUUID().toString();

        oneInstanceDelivers("redis", snsCopy(messageId), "first");
        oneInstanceDelivers("redis", snsCopy(messageId), "second");

        assertThat(realm.requests()).hasSize(1);
    }

    @Test
    void withTheMemoryStoreAnotherInstanceSendsTheDuplicateAgain() throws Exception {
        String messageId = UUID.randomUUID().toString();

        oneInstanceDelivers("memory", snsCopy(messageId), "first");
        oneInstanceDelivers("memory", snsCopy(messageId), "second");

        // What the Redis store is for: without it, the second instance cannot know.
        assertThat(realm.requests()).hasSize(2);
    }
}
