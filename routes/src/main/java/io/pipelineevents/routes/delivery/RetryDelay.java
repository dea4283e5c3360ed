package io.pipelineevents.routes.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Sets the wait before the next attempt of a failed request: the realm's {@code Retry-After} when it sent one (up
 * to the cap), else {@code initialBackoff × 2^(n-1)} up to {@code maxBackoff}, ±15 % jitter, for the n-th retry.
 *
 * <p>Camel's own exponential back-off with collision avoidance is not used: it multiplies the previous, already
 * jittered delay, so the jitter compounds (waits of half or one and a half times the documented one after a few
 * retries) and at the cap it is lost. Runs as the error handler's onExceptionOccurred, after the redelivery counter
 * was raised and before {@link RetryBudget} decides, which reads the wait it set.
 */
final class RetryDelay implements Processor {
    static final double JITTER = 0.15;

    private final RetryPolicy policy;
    private final RetryAfter retryAfter;
    private final DoubleSupplier random;

    RetryDelay(RetryPolicy policy, RetryAfter retryAfter) {
        this(policy, retryAfter, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** {@code random} gives values in [0, 1): 0 is the shortest wait, towards 1 the longest. */
    RetryDelay(RetryPolicy policy, RetryAfter retryAfter, DoubleSupplier random) {
        this.policy = policy;
        this.retryAfter = retryAfter;
        this.random = random;
    }

    @Override
    public void process(Exchange exchange) {
        int retry = exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 1, Integer.class);
        long wait = retryAfter.requested(exchange).map(Duration::toMillis).orElseGet(() -> backoff(retry).toMillis());
        exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, wait);
    }

    /** The wait before the {@code retry}-th retry (1 for the second request), jitter included. */
    Duration backoff(int retry) {
        long initial = policy.initialBackoff().toMillis();
        long max = policy.maxBackoff().toMillis();
        // Doubling stops at the cap long before a shift could overflow.
        long nominal = initial;
        for (int i = 1; i < retry && nominal < max; i++) {
            nominal *= 2;
        }
        nominal = Math.min(nominal, max);
        double factor = 1 - JITTER + 2 * JITTER * random.getAsDouble();
        return Duration.ofMillis(Math.round(nominal * factor));
    }
}
