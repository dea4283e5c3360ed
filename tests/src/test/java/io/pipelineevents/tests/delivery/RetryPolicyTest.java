package io.pipelineevents.tests.delivery;

import static io.pipelineevents.tests.support.StubRealm.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pipelineevents.routes.parking.ParkedItem;
import io.pipelineevents.routes.source.NotificationOutcome;
import io.pipelineevents.tests.support.EndToEndTest;
import io.pipelineevents.tests.support.Notifications;
import io.pipelineevents.tests.support.StubRealm;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * A realm's transient failures (here 503) are retried in the service as its policy says: at most max-attempts
 * requests within max-elapsed, then the batch is parked and the source message acknowledged. Permanent failures are
 * parked after exactly one request. The requests a stub receives are exactly the policy's number: no hidden retries
 * underneath, and no SQS redelivery (the visibility timeout is far longer than any test).
 */
class RetryPolicyTest extends EndToEndTest {
    private static final int MAX_ATTEMPTS = 4;
    private static final String RUN = "retry";

    private StubRealm alpha;

    private void startWithPolicy(String... retrySettings) throws Exception {
        alpha = realm("alpha");
        var settings = settings().realm(alpha)
                .with("sqs.visibility-timeout-seconds", "120")
                .with("realm.alpha.retry.max-attempts", Integer.toString(MAX_ATTEMPTS))
                .with("realm.alpha.retry.initial-backoff-ms", "100")
                .with("realm.alpha.retry.max-backoff-ms", "200");
        for (int i = 0; i < retrySettings.length; i += 2) {
            settings.with("realm.alpha.retry." + retrySettings[i], retrySettings[i + 1]);
        }
        start(settings);
    }

    @ParameterizedTest(name = "{0} answers 503, then OK")
    @ValueSource(ints = {1, MAX_ATTEMPTS - 1})
    void aBurstOf503sIsRetriedUntilTheRealmRecoversAndNothingIsParked(int burst) throws Exception {
        startWithPolicy();
        alpha.failTimesThenAccept(burst, status(503));

        send(Notifications.notification(RUN, 1));

        await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.DELIVERED) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesOnSourceQueue() == 0);
        assertThat(alpha.requests()).hasSize(burst + 1);
        assertThat(Notifications.executionIdsOf(alpha.acceptedEvents()))
                .containsExactly(Notifications.executionId(RUN, 1));
        assertThat(service.delivered("alpha")).isEqualTo(1);
        assertThat(service.retried("alpha")).isEqualTo(burst);
        assertThat(service.parkedEvents("alpha")).isZero();
        assertThat(service.parked()).isEmpty();
    }

    @Test
    void aTransientFailureThatOutlastsMaxAttemptsIsParkedAfterExactlyMaxAttemptsRequests() throws Exception {
        startWithPolicy();
        alpha.answer(status(503));

        send(Notifications.notification(RUN, 1));

        await().atMost(Duration.ofSeconds(20)).until(() -> service.parked().size() == 1);
        // Parked counts as done: the message is acknowledged.
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesOnSourceQueue() == 0);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> alpha.requests().size() == MAX_ATTEMPTS);
        ParkedItem parked = service.parked().get(0);
        assertThat(parked.realm()).contains("alpha");
        assertThat(parked.attempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(parked.lastStatus()).contains(503);
        assertThat(parked.reason()).startsWith("realm alpha answered HTTP 503")
                .contains("after " + MAX_ATTEMPTS + " attempts");
        assertThat(Notifications.executionIdsOf(parked)).containsExactly(Notifications.executionId(RUN, 1));
        assertThat(service.parkedEvents("alpha")).isEqualTo(1);
        assertThat(service.delivered("alpha")).isZero();
        assertThat(service.retried("alpha")).isEqualTo(MAX_ATTEMPTS - 1);
        assertThat(service.outcomes(NotificationOutcome.DELIVERY_FAILED)).isZero();
    }

    @Test
    void aPermanentFailureAfterATransientOneIsParkedAtOnceNotRetried() throws Exception {
        // Camel keeps the retry settings of a request's first failure for its later ones: this 401 was retried.
        startWithPolicy();
        alpha.answerOnceThen(status(503), status(401));

        send(Notifications.notification(RUN, 1));

        await().atMost(Duration.ofSeconds(20)).until(() -> service.parked().size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> alpha.requests().size() == 2);
        ParkedItem parked = service.parked().get(0);
        assertThat(parked.attempts()).isEqualTo(2);
        assertThat(parked.lastStatus()).contains(401);
        assertThat(service.retried("alpha")).isEqualTo(1);
    }

    @Test
    void maxElapsedEndsTheRetriesBeforeMaxAttemptsAreUsedUp() throws Exception {
        // Waits of 2 s +-15 % jitter: attempts start at 0, 1.7-2.3 and 3.4-4.6 s, within the 5 s; a fourth would
        // start at 5.1 s or later, past them, so the batch is parked after the third: 3 requests, far below
        // max-attempts, none of them later than 5 s after the first.
        startWithPolicy("max-attempts", "100", "initial-backoff-ms", "2000", "max-backoff-ms", "2000",
                "max-elapsed-ms", "5000");
        alpha.answer(status(503));

        send(Notifications.notification(RUN, 1));

        await().atMost(Duration.ofSeconds(20)).until(() -> service.parked().size() == 1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> alpha.requests().size() == 3);
        long firstToLast = alpha.requests().get(2).getLoggedDate().getTime()
                - alpha.requests().get(0).getLoggedDate().getTime();
        assertThat(firstToLast).as("ms from the first request to the last").isLessThan(5_000);
        ParkedItem parked = service.parked().get(0);
        assertThat(parked.attempts()).isEqualTo(3);
        assertThat(parked.lastStatus()).contains(503);
        assertThat(parked.reason()).contains("after 3 attempts");
        assertThat(Notifications.executionIdsOf(parked)).containsExactly(Notifications.executionId(RUN, 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesOnSourceQueue() == 0);
    }

    @Test
    void retriesAreCountedAndLoggedAsTheyHappenNotOnlyWhenTheBatchEnds() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger retryLog = (Logger) LoggerFactory.getLogger("io.pipelineevents.routes.delivery.RetryNotice");
        logs.start();
        retryLog.addAppender(logs);
        try {
            startWithPolicy("max-attempts", "100", "max-elapsed-ms", "600000");
            alpha.answer(status(503));

            send(Notifications.notification(RUN, 1));

            // Still retrying: nothing parked, the message not acknowledged, yet the retries already show.
            await().atMost(Duration.ofSeconds(20)).until(() -> service.retried("alpha") >= 3);
            assertThat(service.parked()).isEmpty();
            assertThat(messagesOnSourceQueue()).isEqualTo(1);
            String retrying = "Realm alpha: answered HTTP 503: {\"message\":\"stub answer 503\"};"
                    + " sending its batch of 1 event(s) again, ";
            assertThat(List.copyOf(logs.list)).filteredOn(event -> event.getLevel() == Level.WARN)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .contains(retrying + "attempt 2 of 100", retrying + "attempt 3 of 100");
        } finally {
            retryLog.detachAppender(logs);
        }
    }

    static Stream<Arguments> permanentFailures() {
        return Stream.of(
                Arguments.of(400, "{\"message\":\"malformed JSON\"}"),
                Arguments.of(403, "{\"message\":\"token lacks the ingest scope\"}"),
                Arguments.of(404, "not found"),
                Arguments.of(415, "{\"message\":\"unsupported media type\"}"),
                Arguments.of(422, "{\"message\":\"unprocessable\"}"),
                Arguments.of(200, "{\"error\":\"token disabled\"}"));
    }

    @ParameterizedTest(name = "HTTP {0} {1}")
    @MethodSource("permanentFailures")
    void aPermanentFailureIsParkedAfterExactlyOneRequestAndTheMessageAcknowledged(int status, String body)
            throws Exception {
        startWithPolicy();
        alpha.answer(status, body);

        send(Notifications.notification(RUN, 1));

        await().atMost(Duration.ofSeconds(20)).until(() -> service.parked().size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesOnSourceQueue() == 0);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> alpha.requests().size() == 1);
        ParkedItem parked = service.parked().get(0);
        assertThat(parked.attempts()).isEqualTo(1);
        assertThat(parked.eventCount()).isEqualTo(1);
        assertThat(parked.lastStatus()).contains(status);
        if (status == 200) {
            // Answered, but not with ingest's acceptance: the reason says what was expected.
            assertThat(parked.reason()).isEqualTo("realm alpha did not accept the events: answered HTTP 200 with '"
                    + body + "' instead of the body \"OK\" (quotes included)");
        } else {
            assertThat(parked.reason()).isEqualTo("realm alpha answered HTTP " + status + ": " + body);
        }
        assertThat(service.retried("alpha")).isZero();
        assertThat(service.delivered("alpha")).isZero();
        assertThat(service.outcomes(NotificationOutcome.DELIVERED)).isEqualTo(1);
    }
}
