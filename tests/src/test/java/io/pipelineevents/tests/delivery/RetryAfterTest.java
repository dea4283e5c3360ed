package io.pipelineevents.tests.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.pipelineevents.routes.source.NotificationOutcome;
import io.pipelineevents.tests.support.EndToEndTest;
import io.pipelineevents.tests.support.Notifications;
import io.pipelineevents.tests.support.StubRealm;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A 429 answer's {@code Retry-After}, in seconds or as an HTTP-date, sets the wait before the next attempt instead
 * of the policy's backoff (100 ms here), up to {@code retry-after-cap-ms}. Waits are measured between the requests
 * the stub logged, with generous bounds for a busy machine.
 */
class RetryAfterTest extends EndToEndTest {
    private StubRealm alpha;

    @BeforeEach
    void realm() {
        alpha = realm("alpha");
    }

    private void startWithCap(Duration retryAfterCap) throws Exception {
        start(settings().realm(alpha)
                .with("sqs.visibility-timeout-seconds", "120")
                .with("realm.alpha.retry.initial-backoff-ms", "100")
                .with("realm.alpha.retry.max-backoff-ms", "200")
                .with("realm.alpha.retry.retry-after-cap-ms", Long.toString(retryAfterCap.toMillis())));
    }

    @Test
    void retryAfterInSecondsSetsTheWaitBeforeTheNextAttempt() throws Exception {
        startWithCap(Duration.ofSeconds(10));
        alpha.failOnceThenAccept(429, "2");

        send(Notifications.notification("seconds", 1));

        assertThat(waitBetweenTheTwoRequests()).isBetween(Duration.ofMillis(1_900), Duration.ofMillis(4_500));
    }

    @Test
    void retryAfterAsAnHttpDateSetsTheWaitUntilThatTime() throws Exception {
        startWithCap(Duration.ofSeconds(10));
        Instant retryAt = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        alpha.failOnceThenAccept(429,
                DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(retryAt, ZoneOffset.UTC)));

        send(Notifications.notification("date", 1));

        Duration waited = waitBetweenTheTwoRequests();
        List<LoggedRequest> requests = alpha.requests();
        // Not before the date (the stub logs in milliseconds), not much after it, and far longer than the policy's.
        assertThat(requests.get(1).getLoggedDate().toInstant()).isAfterOrEqualTo(retryAt.minusMillis(50))
                .isBefore(retryAt.plusSeconds(3));
        assertThat(waited).isGreaterThan(Duration.ofMillis(1_500));
    }

    @Test
    void aRetryAfterOfAnHourWaitsOnlyTheCap() throws Exception {
        startWithCap(Duration.ofMillis(1_000));
        alpha.failOnceThenAccept(429, "3600");

        send(Notifications.notification("cap", 1));

        assertThat(waitBetweenTheTwoRequests()).isBetween(Duration.ofMillis(900), Duration.ofMillis(4_000));
    }

    /** Waits until the notification is delivered after one 429, and returns the time between the two requests. */
    private Duration waitBetweenTheTwoRequests() {
        await().atMost(Duration.ofSeconds(30)).until(() -> service.outcomes(NotificationOutcome.DELIVERED) == 1);
        List<LoggedRequest> requests = alpha.requests();
        assertThat(requests).hasSize(2);
        assertThat(alpha.answeredStatuses()).containsExactly(429, 200);
        assertThat(service.parked()).isEmpty();
        return Duration.ofMillis(requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime());
    }
}
