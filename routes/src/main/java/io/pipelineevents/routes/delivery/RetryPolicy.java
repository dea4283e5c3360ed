package io.pipelineevents.routes.delivery;

import java.time.Duration;

/**
 * How a realm retries a request that failed for a transient reason (408, 429, 5xx, timeouts, connection errors):
 * at most {@code maxAttempts} requests in all, and no new attempt once {@code maxElapsed} has passed since the
 * first; waiting {@code initialBackoff} before the second and doubling up to {@code maxBackoff}, with jitter; a
 * {@code Retry-After} answer sets the wait instead, up to {@code retryAfterCap}. Permanent failures (other 4xx, an
 * answer that is not {@code "OK"}) are not retried. Defaults in docs/configuration.md.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration retryAfterCap,
        Duration maxElapsed) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(10, Duration.ofMillis(500), Duration.ofSeconds(30),
            Duration.ofSeconds(60), Duration.ofMinutes(5));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }
}
