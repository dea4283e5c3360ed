package io.pipelineevents.routes.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RecentKeysTest {
    private static final Duration TTL = Duration.ofMinutes(10);
    private long now = 1_000;
    private final RecentKeys keys = new RecentKeys(TTL, 3, () -> now);

    @Test
    void aKeyIsRememberedUntilItsTtlEndsAndNotAfter() {
        assertThat(keys.add("sns:1")).isTrue();
        now += TTL.toNanos() - 1;
        assertThat(keys.contains("sns:1")).isTrue();
        now += 1;
        assertThat(keys.contains("sns:1")).isFalse();
    }

    @Test
    void aKeyAddedAgainWhileRememberedIsADuplicateAndKeepsItsFirstDeadline() {
        keys.add("sns:1");
        now += TTL.toNanos() / 2;
        assertThat(keys.add("sns:1")).isFalse();
        now += TTL.toNanos() / 2;
        assertThat(keys.contains("sns:1")).isFalse();
        assertThat(keys.add("sns:1")).isTrue();
    }

    @Test
    void whenFullTheOldestKeyIsForgottenFirstAndReadingAKeyDoesNotKeepIt() {
        keys.add("a");
        keys.add("b");
        keys.add("c");
        assertThat(keys.contains("a")).isTrue();
        keys.add("d");
        assertThat(keys.contains("a")).isFalse();
        assertThat(keys.contains("b")).isTrue();
        assertThat(keys.contains("c")).isTrue();
        assertThat(keys.contains("d")).isTrue();
        assertThat(keys.size()).isEqualTo(3);
    }

    @Test
    void expiredKeysLeaveBeforeAnyLiveKeyIsDropped() {
        keys.add("a");
        keys.add("b");
        now += TTL.toNanos() / 2;
        keys.add("c");
        now += TTL.toNanos() / 2;
        keys.add("d");
        keys.add("e");
        assertThat(keys.size()).isEqualTo(3);
        assertThat(keys.contains("c")).isTrue();
        assertThat(keys.contains("d")).isTrue();
        assertThat(keys.contains("e")).isTrue();
    }

    @Test
    void aClockThatWrapsAroundDoesNotForgetKeysEarly() {
        now = Long.MAX_VALUE - 5;
        keys.add("sns:1");
        now += 10;
        assertThat(keys.contains("sns:1")).isTrue();
        now += TTL.toNanos();
        assertThat(keys.contains("sns:1")).isFalse();
    }

    @Test
    void aRemovedKeyIsNewAgain() {
        keys.add("sns:1");
        assertThat(keys.remove("sns:1")).isTrue();
        assertThat(keys.contains("sns:1")).isFalse();
        assertThat(keys.add("sns:1")).isTrue();
    }
}
