package io.pipelineevents.tests.parking;

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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;

/** A message that can never be processed is parked with its reason, never dropped, never blocking others. */
class UnprocessableMessageTest {
    private static final String NOT_JSON = "this is not { json";

    @TempDir
    Path dir;

    private TestQueues queues;
    private StubRealm realm;
    private RunningService service;

    @BeforeEach
    void start() {
        queues = new TestQueues();
        realm = new StubRealm("alpha", "alpha-token");
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        realm.close();
        queues.close();
    }

    @Test
    void malformedInputIsMovedToTheDeadLetterQueueWithItsReason() throws Exception {
        String queueUrl = queues.createQueue("parking");
        String deadLetterUrl = queues.createQueue("parking-dlq");
        service = RunningService.start(dir, TestSettings.queue(queues, queueUrl).deadLetterQueue(deadLetterUrl)
                .realm(realm).build());

        String sourceId = queues.send(queueUrl, NOT_JSON);
        queues.send(queueUrl, Corpus.text("eventbridge-stage-failed.json"));

        await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.UNPROCESSABLE) == 1
                && service.outcomes(NotificationOutcome.DELIVERED) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> queues.messagesOn(queueUrl) == 0);
        List<Message> parked = queues.receive(deadLetterUrl);
        assertThat(parked).hasSize(1);
        Message message = parked.get(0);
        assertThat(message.body()).isEqualTo(NOT_JSON);
        assertThat(message.messageAttributes().get("pipeline-events-reason").stringValue())
                .startsWith("message body is not JSON:").contains("line 1, column");
        assertThat(message.messageAttributes().get("pipeline-events-source-message-id").stringValue())
                .isEqualTo(sourceId);
        assertThat(message.messageAttributes().get("pipeline-events-source-queue").stringValue()).isEqualTo(queueUrl);
        assertThat(realm.requests()).hasSize(1);
    }

    @Test
    void withoutADeadLetterQueueMalformedInputIsLeftToTheQueuesRedrivePolicy() throws Exception {
        String redriveTarget = queues.createQueue("redrive-dlq");
        String queueUrl = queues.createQueueWithRedrive("redrive", redriveTarget, 2);
        service = RunningService.start(dir, TestSettings.queue(queues, queueUrl).realm(realm)
                .with("sqs.visibility-timeout-seconds", "1").build());

        queues.send(queueUrl, NOT_JSON);
        queues.send(queueUrl, Corpus.text("eventbridge-stage-failed.json"));

        // The good message behind it is not held up.
        await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.DELIVERED) == 1);
        // SQS moves the bad one after maxReceiveCount receives; nothing deletes it on the way.
        await().atMost(Duration.ofSeconds(30)).until(() -> queues.messagesOn(redriveTarget) == 1);
        assertThat(queues.messagesOn(queueUrl)).isZero();
        assertThat(service.outcomes(NotificationOutcome.UNPROCESSABLE)).isGreaterThanOrEqualTo(2);
        assertThat(queues.receive(redriveTarget)).extracting(Message::body).containsExactly(NOT_JSON);
    }

    @Test
    void aLambdaEventIsParkedRatherThanGuessedAt() throws Exception {
        String queueUrl = queues.createQueue("lambda");
        String deadLetterUrl = queues.createQueue("lambda-dlq");
        service = RunningService.start(dir, TestSettings.queue(queues, queueUrl).deadLetterQueue(deadLetterUrl)
                .realm(realm).build());

        queues.send(queueUrl, Corpus.text("lambda-sns-record-stage-started.json"));

        await().atMost(Duration.ofSeconds(20)).until(() -> queues.messagesOn(deadLetterUrl) == 1);
        assertThat(queues.receive(deadLetterUrl).get(0).messageAttributes().get("pipeline-events-reason").stringValue())
                .isEqualTo("body is a Lambda event (Records[]), not a queue message;"
                        + " send each record's notification instead");
        assertThat(realm.requests()).isEmpty();
    }
}
