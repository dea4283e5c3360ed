package io.pipelineevents.tests.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

/** A realm that accepted a notification does not get it again: not from SNS duplicates, not from SQS redelivery. */
class DedupeTest {
    @TempDir
    Path dir;

    private TestQueues queues;
    private StubRealm alpha;
    private StubRealm beta;
    private RunningService service;
    private String queueUrl;

    @BeforeEach
    void start() throws Exception {
        queues = new TestQueues();
        queueUrl = queues.createQueue("dedupe");
        alpha = new StubRealm("alpha", "alpha-token");
        beta = new StubRealm("beta", "beta-token");
        service = RunningService.start(dir, TestSettings.queue(queues, queueUrl).realm(alpha).realm(beta)
                .with("sqs.visibility-timeout-seconds", "1").with("retry.max-attempts", "1").build());
    }

    @AfterEach
    void stop() {
        service.close();
        alpha.close();
        beta.close();
        queues.close();
    }

    @Test
    void aRealmThatAcceptedIsNotSentTheNotificationAgainWhenAnotherRealmFailed() {
        beta.failOnceThenAccept(503, null);

        queues.send(queueUrl, Corpus.text("eventbridge-stage-failed.json"));

        await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.DELIVERED) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> queues.messagesOn(queueUrl) == 0);
        assertThat(service.outcomes(NotificationOutcome.DELIVERY_FAILED)).isEqualTo(1);
        assertThat(beta.requests()).hasSize(2);
        assertThat(alpha.requests()).hasSize(1);
        assertThat(service.counter("pipeline_events.duplicates.skipped", "realm", "alpha")).isEqualTo(1);
    }

    @Test
    void anSnsDuplicateWithTheSameMessageIdIsSentOnce() {
        String envelope = Corpus.text("sns-sqs-envelope-pipeline-failed.json");

        queues.send(queueUrl, envelope);
        queues.send(queueUrl, envelope);

        await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.DELIVERED) == 2);
        assertThat(alpha.requests()).hasSize(1);
        assertThat(beta.requests()).hasSize(1);
        assertThat(service.counter("pipeline_events.duplicates.skipped", "realm", "beta")).isEqualTo(1);
    }
}
