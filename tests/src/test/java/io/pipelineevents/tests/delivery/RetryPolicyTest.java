package io.pipelineevents.tests.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.pipelineevents.mappings.Corpus;
import io.pipelineevents.routes.source.NotificationOutcome;
import io.pipelineevents.tests.support.RunningService;
import io.pipelineevents.tests.support.StubRealm;
import io.pipelineevents.tests.support.TestQueues;
import io.pipelineevents.tests.support.TestSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A realm's transient failures are retried in the service as its policy says, permanent ones are not, and the
 * requests a stub receives are exactly the policy's number: no hidden retries underneath.
 */
class RetryPolicyTest {
    private static final String NOTIFICATION = "eventbridge-stage-failed.json";

    @TempDir
    Path dir;

    private TestQueues queues;
    private StubRealm realm;
    private RunningService service;
    private String queueUrl;

    @BeforeEach
    void start() throws Exception {
        queues = new TestQueues();
        queueUrl = queues.createQueue("retry");
        realm = new StubRealm("alpha", "alpha-token");
        // A long visibility timeout keeps SQS's own redelivery out of the counts.
        service = RunningService.start(dir, TestSettings.queue(queues, queueUrl).realm(realm)
                .with("sqs.visibility-timeout-seconds", "120")
                .with("realm.alpha.retry.max-attempts", "3")
                .with("realm.alpha.retry.initial-backoff-ms", "100")
                .with("realm.alpha.retry.max-backoff-ms", "200")
                .build());
    }

    @AfterEach
    void stop() {
        service.close();
        realm.close();
        queues.close();
    }

    @Test
    void aTransientFailureIsRetriedExactlyMaxAttemptsTimes() {
        realm.answer(503, "Service Unavailable");

        queues.send(queueUrl, Corpus.text(NOTIFICATION));

        await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.DELIVERY_FAILED) == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> realm.requests().size() == 3);
        assertThat(queues.messagesOn(queueUrl)).isEqualTo(1);
    }

    @Test
    void aPermanentFailureIsNotRetried() {
        realm.answer(401, "{\"message\":\"invalid token\"}");

        queues.send(queueUrl, Corpus.text(NOTIFICATION));

        await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.DELIVERY_FAILED) == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> realm.requests().size() == 1);
    }

    @Test
    void aRetriedRequestThatSucceedsIsDeliveredAndAcknowledged() {
        realm.failOnceThenAccept(503, null);

        queues.send(queueUrl, Corpus.text(NOTIFICATION));

        await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.DELIVERED) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> queues.messagesOn(queueUrl) == 0);
        assertThat(realm.requests()).hasSize(2);
        assertThat(service.outcomes(NotificationOutcome.DELIVERY_FAILED)).isZero();
    }

    @Test
    void retryAfterSetsTheWaitBeforeTheNextAttempt() {
        realm.failOnceThenAccept(429, "2");

        queues.send(queueUrl, Corpus.text(NOTIFICATION));

        await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.DELIVERED) == 1);
        java.util.List<Long> times = realm.requests().stream().map(LoggedRequest::getLoggedDate)
                .map(java.util.Date::getTime).sorted().toList();
        assertThat(times).hasSize(2);
        long waitedMs = times.get(1) - times.get(0);
        // The policy alone would have waited about 100 ms.
        assertThat(waitedMs).isBetween(1_900L, 6_000L);
    }
}
