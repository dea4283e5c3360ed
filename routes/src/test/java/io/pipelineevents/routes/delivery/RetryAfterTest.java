package io.pipelineevents.routes.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");
    private final RetryAfter retryAfter = new RetryAfter(Duration.ofSeconds(30), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void secondsAreReadWhateverTheHeaderSpelling() {
        assertThat(retryAfter.delay(Map.of("retry-after", "7"))).contains(Duration.ofSeconds(7));
        assertThat(retryAfter.delay(Map.of("Retry-After", " 0 "))).contains(Duration.ZERO);
    }

    @Test
    void anHttpDateIsTheTimeLeftUntilThen() {
        assertThat(retryAfter.delay(Map.of("Retry-After", "Mon, 02 Mar 2026 10:15:42 GMT")))
                .contains(Duration.ofSeconds(12));
        assertThat(retryAfter.delay(Map.of("Retry-After", "Mon, 02 Mar 2026 10:00:00 GMT"))).contains(Duration.ZERO);
    }

    @Test
    void garbageOrNoHeaderLeavesThePolicysBackoff() {
        assertThat(retryAfter.delay(Map.of("Retry-After", "soon"))).isEmpty();
        assertThat(retryAfter.delay(Map.of())).isEmpty();
        assertThat(retryAfter.delay(null)).isEmpty();
    }

    @Test
    void transientAndPermanentFailuresAreTold() {
        assertThat(IngestFailures.isTransient(http(503))).isTrue();
        assertThat(IngestFailures.isTransient(http(429))).isTrue();
        assertThat(IngestFailures.isTransient(http(408))).isTrue();
        assertThat(IngestFailures.isTransient(new ConnectException("refused"))).isTrue();
        assertThat(IngestFailures.isTransient(new RuntimeException(new IOException("reset")))).isTrue();
        assertThat(IngestFailures.isTransient(http(400))).isFalse();
        assertThat(IngestFailures.isTransient(http(401))).isFalse();
        assertThat(IngestFailures.isTransient(http(413))).isFalse();
        assertThat(IngestFailures.isTransient(new RealmRejectedException("alpha", "'nope'"))).isFalse();
    }

    private static HttpOperationFailedException http(int status) {
        return new HttpOperationFailedException("http://ingest/v2/event", status, "status", null, Map.of(), "");
    }
}
