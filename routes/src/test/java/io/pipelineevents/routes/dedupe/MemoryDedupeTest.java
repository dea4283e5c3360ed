package io.pipelineevents.routes.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.stream.IntStream;
import org.apache.camel.spi.IdempotentRepository;
import org.junit.jupiter.api.Test;

class MemoryDedupeTest {

    private static DedupeRepositories memory(Duration ttl, int maxKeys) {
        return DedupeRepositories.open(new DedupeSettings(DedupeStore.MEMORY, ttl, maxKeys,
                DedupeSettings.DEFAULT_REDIS, DedupeSettings.DEFAULT_KEY_PREFIX));
    }

    @Test
    void aKeyAddedIsRememberedAndAddingItAgainIsRefused() {
        IdempotentRepository us1 = memory(Duration.ofHours(1), 10).forRealm("us1");
        assertThat(us1.contains("sns:1")).isFalse();
        assertThat(us1.add("sns:1")).isTrue();
        assertThat(us1.contains("sns:1")).isTrue();
        assertThat(us1.add("sns:1")).isFalse();
    }

    @Test
    void aKeyIsForgottenOnceItsTtlHasPassed() {
        IdempotentRepository us1 = memory(Duration.ofMillis(300), 10).forRealm("us1");
        us1.add("sns:1");
        assertThat(us1.contains("sns:1")).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> !us1.contains("sns:1"));
    }

    @Test
    void eachRealmRemembersAtMostMaxKeysAndKeepsTheNewest() {
        DedupeRepositories dedupe = memory(Duration.ofHours(1), 100);
        IdempotentRepository us1 = dedupe.forRealm("us1");
        IntStream.range(0, 1_000).forEach(i -> us1.add("sns:" + i));
        assertThat(IntStream.range(0, 1_000).filter(i -> us1.contains("sns:" + i)))
                .containsExactlyElementsOf(IntStream.range(900, 1_000).boxed().toList());
    }

    @Test
    void realmsDoNotShareKeys() {
        DedupeRepositories dedupe = memory(Duration.ofHours(1), 10);
        dedupe.forRealm("us1").add("sns:1");
        assertThat(dedupe.forRealm("eu0").contains("sns:1")).isFalse();
        assertThat(dedupe.forRealm("us1").contains("sns:1")).isTrue();
    }

    @Test
    void aRealmGetsTheSameRepositoryEveryTime() {
        DedupeRepositories dedupe = memory(Duration.ofHours(1), 10);
        assertThat(dedupe.forRealm("us1")).isSameAs(dedupe.forRealm("us1"));
    }

    @Test
    void maxKeysZeroRemembersNothing() {
        IdempotentRepository us1 = memory(Duration.ofHours(1), 0).forRealm("us1");
        assertThat(us1.add("sns:1")).isTrue();
        assertThat(us1.contains("sns:1")).isFalse();
    }

    @Test
    void storeNoneTreatsEveryKeyAsNew() {
        IdempotentRepository us1 = DedupeRepositories.open(new DedupeSettings(DedupeStore.NONE,
                DedupeSettings.DEFAULT_TTL, 10, DedupeSettings.DEFAULT_REDIS, "x:")).forRealm("us1");
        assertThat(us1.add("sns:1")).isTrue();
        assertThat(us1.contains("sns:1")).isFalse();
        assertThat(us1.add("sns:1")).isTrue();
    }
}
