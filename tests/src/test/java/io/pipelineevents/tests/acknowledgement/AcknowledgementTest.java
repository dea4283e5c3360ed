package io.pipelineevents.tests.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pipelineevents.routes.source.NotificationOutcome;
import io.pipelineevents.mappings.Corpus;
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

/** A source message is deleted only once every realm accepted its events; until then it stays on the queue. */
class AcknowledgementTest {
    private static final String NOTIFICATION = "eventbridge-pipeline-failed.json";

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
        queueUrl = queues.createQueue("ack");
        alpha = new StubRealm("alpha", "alpha-token");
        beta = new StubRealm("beta", "beta-token");
        // A short visibility timeout makes an unacknowledged message come back within the test.
        service = RunningService.start(dir, TestSettings.queue(queues, queueUrl).realm(alpha).realm(beta)
                .with("sqs.visibility-timeout-seconds", "1")
                .with("retry.initial-backoff-ms", "50").with("retry.max-backoff-ms", "100").build());
    }

    @AfterEach
    void stop() {
        service.close();
        alpha.close();
        beta.close();
        queues.close();
    }

    @Test
    void messageIsDeletedOnceEveryRealmAccepted() {
        queues.send(queueUrl, Corpus.text(NOTIFICATION));

        await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.DELIVERED) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> queues.messagesOn(queueUrl) == 0);
        assertThat(alpha.requests()).hasSize(1);
        assertThat(beta.requests()).hasSize(1);
    }

    @Test
    void messageStaysOnTheQueueWhileARealmAnswers503AndIsDeliveredWhenItRecovers() {
        beta.answer(503, "Service Unavailable");

        queues.send(queueUrl, Corpus.text(NOTIFICATION));

        // Each receive spends beta's 3 attempts; the message comes back and beta is asked again. It is never
        // deleted meanwhile.
        await().atMost(Duration.ofSeconds(30)).until(() -> service.outcomes(NotificationOutcome.DELIVERY_FAILED) >= 2);
        assertThat(beta.requests().size()).isGreaterThanOrEqualTo(6);
        assertThat(queues.messagesOn(queueUrl)).isEqualTo(1);
        assertThat(service.outcomes(NotificationOutcome.DELIVERED)).isZero();

        beta.accept();

        await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.DELIVERED) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> queues.messagesOn(queueUrl) == 0);
        assertThat(beta.requests().get(beta.requests().size() - 1).getBodyAsString())
                .isEqualTo(alpha.requests().get(0).getBodyAsString());
    }

    @Test
    void anAnswerOtherThanOkIsNotAnAcceptance() {
        alpha.answer(200, "{\"error\":\"token disabled\"}");

        queues.send(queueUrl, Corpus.text(NOTIFICATION));

        await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.DELIVERY_FAILED) >= 1);
        assertThat(service.outcomes(NotificationOutcome.DELIVERED)).isZero();
        assertThat(queues.messagesOn(queueUrl)).isEqualTo(1);
    }
}
