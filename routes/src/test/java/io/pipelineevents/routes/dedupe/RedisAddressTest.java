package io.pipelineevents.routes.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RedisAddressTest {

    @Test
    void aFullUrlGivesHostPortDatabaseUserAndPassword() {
        RedisAddress address = RedisAddress.fromConfig("redis://dedupe:s3cr%40t@cache.internal:6380/2");
        assertThat(address).isEqualTo(new RedisAddress("cache.internal", 6380, 2, false, Optional.of("dedupe"),
                Optional.of("s3cr@t")));
    }

    @Test
    void portDefaultsTo6379AndDatabaseTo0() {
        RedisAddress address = RedisAddress.fromConfig("redis://127.0.0.1");
        assertThat(address.port()).isEqualTo(6379);
        assertThat(address.database()).isZero();
        assertThat(address.password()).isEmpty();
        assertThat(address.username()).isEmpty();
    }

    @Test
    void userInfoWithoutAColonIsThePassword() {
        RedisAddress address = RedisAddress.fromConfig("redis://s3cret@cache:6379");
        assertThat(address.password()).contains("s3cret");
        assertThat(address.username()).isEmpty();
        assertThat(RedisAddress.fromConfig("redis://:s3cret@cache").password()).contains("s3cret");
    }

    @Test
    void redissMeansTls() {
        assertThat(RedisAddress.fromConfig("rediss://cache:6380").tls()).isTrue();
        assertThat(RedisAddress.fromConfig("REDIS://cache").tls()).isFalse();
    }

    @Test
    void anIpv6HostIsGivenWithoutBrackets() {
        RedisAddress address = RedisAddress.fromConfig("redis://[::1]:6379");
        assertThat(address.host()).isEqualTo("::1");
        assertThat(address.hostAndPort()).isEqualTo("[::1]:6379");
    }

    @Test
    void toStringMasksThePassword() {
        assertThat(RedisAddress.fromConfig("rediss://dedupe:s3cret@cache:6380/1"))
                .hasToString("rediss://dedupe:****@cache:6380/1");
        assertThat(RedisAddress.fromConfig("redis://:s3cret@cache")).hasToString("redis://:****@cache:6379/0");
        assertThat(RedisAddress.fromConfig("redis://cache")).hasToString("redis://cache:6379/0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://:s3cret@cache:6379", "redis://:s3cret@cache/db1", "redis://:s3cret@cache?x=1",
            "redis://:s3cret%zz@cache", "redis://:s3cret@ca che", "redis://:s3cret@:6379", "s3cret",
            "redis://:s3cret@cache:0"})
    void aBadUrlIsRefusedWithoutRepeatingThePassword(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> RedisAddress.fromConfig(url))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
    }

    @Test
    void aPortThatIsNotANumberIsNamedAsTheProblem() {
        assertThatIllegalArgumentException().isThrownBy(() -> RedisAddress.fromConfig("redis://127.0.0.1:notaport"))
                .withMessageStartingWith("has no valid host[:port] (is the port a number?)");
    }
}
