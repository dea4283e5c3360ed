package io.pipelineevents.routes.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The wait before each retry: doubling from the initial backoff to the cap, ±15 %, or what Retry-After asks. */
class RetryDelayTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final RetryPolicy DEFAULTS = RetryPolicy.DEFAULT;

    private static RetryDelay delay(double random) {
        return new RetryDelay(DEFAULTS, new RetryAfter(DEFAULTS.retryAfterCap(), CLOCK), () -> random);
    }

    private static List<Long> waits(RetryDelay delay) {
        return IntStream.rangeClosed(1, 9).mapToObj(retry -> delay.backoff(retry).toMillis()).toList();
    }

    @Test
    void withoutJitterTheWaitsAreTheDocumentedOnes() {
        assertThat(waits(delay(0.5))).containsExactly(500L, 1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L,
                30_000L, 30_000L);
    }

    @Test
    void jitterStaysWithinFifteenPercentOfEveryWaitAndDoesNotCompound() {
        // The most jitter either way at every retry: with Camel's collision avoidance, which multiplies the last
        // jittered wait, the ninth wait drifted to half or one and a half times the documented one.
        assertThat(waits(delay(0.0))).containsExactly(425L, 850L, 1_700L, 3_400L, 6_800L, 13_600L, 25_500L,
                25_500L, 25_500L);
        assertThat(waits(delay(0.999_999))).allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(34_500L));
        assertThat(delay(0.999_999).backoff(9).toMillis()).isEqualTo(34_500L);
    }

    @Test
    void manyRetriesStayAtTheCapWithoutOverflow() {
        assertThat(delay(0.5).backoff(1_000).toMillis()).isEqualTo(30_000L);
    }

    @Test
    void aRetryAfterAnswerSetsTheWaitInsteadOfTheBackoff() throws Exception {
        Exchange exchange = failedWith(Map.of("Retry-After", "7"), 3);

        delay(0.0).process(exchange);

        assertThat(exchange.getIn().getHeader(Exchange.REDELIVERY_DELAY, Long.class)).isEqualTo(7_000L);
    }

    @Test
    void withoutRetryAfterTheBackoffOfThisRetryIsSet() throws Exception {
        Exchange exchange = failedWith(Map.of(), 3);

        delay(0.5).process(exchange);

        assertThat(exchange.getIn().getHeader(Exchange.REDELIVERY_DELAY, Long.class)).isEqualTo(2_000L);
    }

    @Test
    void theBudgetRefusesARetryThatWouldStartAfterMaxElapsed() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(500), Duration.ofSeconds(30),
                Duration.ofSeconds(60), Duration.ofMillis(2_500));
        RetryBudget budget = new RetryBudget(policy, CLOCK);
        Exchange exchange = failedWith(Map.of(), 2);
        exchange.setProperty(RetryBudget.FIRST_ATTEMPT_AT, NOW.toEpochMilli() - 2_000);

        exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, 400L);
        assertThat(budget.matches(exchange)).as("next attempt at 2.4 s").isTrue();
        exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, 600L);
        assertThat(budget.matches(exchange)).as("next attempt at 2.6 s").isFalse();
    }

    private static Exchange failedWith(Map<String, String> headers, int retry) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setException(new HttpOperationFailedException("http://ingest/v2/event", 503, "Service Unavailable",
                null, headers, "{}"));
        exchange.getIn().setHeader(Exchange.REDELIVERY_COUNTER, retry);
        return exchange;
    }
}
