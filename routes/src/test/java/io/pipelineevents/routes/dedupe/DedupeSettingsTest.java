package io.pipelineevents.routes.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DedupeSettingsTest {

    @Test
    void defaultsAreMemoryForADayWithAHundredThousandKeysPerRealm() {
        DedupeSettings defaults = DedupeSettings.defaults();
        assertThat(defaults.store()).isEqualTo(DedupeStore.MEMORY);
        assertThat(defaults.ttl()).isEqualTo(Duration.ofHours(24));
        assertThat(defaults.maxKeys()).isEqualTo(100_000);
        assertThat(defaults.redis()).hasToString("redis://127.0.0.1:6379/0");
        assertThat(defaults.keyPrefix()).isEqualTo("pipeline-events:dedupe:");
    }

    @Test
    void settingsNeverShowTheRedisPassword() {
        DedupeSettings settings = new DedupeSettings(DedupeStore.REDIS, Duration.ofHours(1), 10,
                RedisAddress.fromConfig("redis://:s3cret@cache:6379"), "p:");
        assertThat(settings.toString()).doesNotContain("s3cret").contains("redis://:****@cache:6379/0");
    }

    @Test
    void storeNamesAreReadInAnyCaseAndAnUnknownOneListsTheChoices() {
        assertThat(DedupeStore.fromConfig(" Redis ")).isEqualTo(DedupeStore.REDIS);
        assertThat(DedupeStore.fromConfig("none")).isEqualTo(DedupeStore.NONE);
        assertThatIllegalArgumentException().isThrownBy(() -> DedupeStore.fromConfig("dynamodb"))
                .withMessage("'dynamodb' is not a dedupe store; use one of memory, redis, none");
    }

    @Test
    void aTtlMustBePositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DedupeSettings(DedupeStore.MEMORY, Duration.ZERO,
                10, DedupeSettings.DEFAULT_REDIS, "p:"));
    }
}
