package io.pipelineevents.routes.delivery;

import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/**
 * Whether a failed request may be tried again: fewer than the policy's attempts made, and the next attempt, after
 * the wait {@link RetryDelay} set, would start before the policy's maximum elapsed time since the first. Camel's
 * error handler asks before each redelivery, with the number of the coming redelivery in its counter header.
 */
final class RetryBudget implements Predicate {
    static final String FIRST_ATTEMPT_AT = "pipelineEventsFirstAttemptAt";

    private final RetryPolicy policy;
    private final Clock clock;

    RetryBudget(RetryPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public boolean matches(Exchange exchange) {
        int attemptsMade = exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 1, Integer.class);
        long firstAttemptAt = exchange.getProperty(FIRST_ATTEMPT_AT, clock.millis(), Long.class);
        long wait = exchange.getIn().getHeader(Exchange.REDELIVERY_DELAY, 0L, Long.class);
        // Camel keeps the retry settings of the first failure for the later ones of the same request: a 401 after
        // a 503 would be retried too. So the failure at hand is judged again here.
        return IngestFailures.isTransient(exchange)
                && attemptsMade < policy.maxAttempts()
                && clock.millis() + wait - firstAttemptAt < policy.maxElapsed().toMillis();
    }
}
