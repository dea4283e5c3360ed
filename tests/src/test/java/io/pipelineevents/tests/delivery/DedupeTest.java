package io.pipelineevents.tests.delivery;

import static io.pipelineevents.tests.support.StubRealm.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pipelineevents.mappings.Corpus;
import io.pipelineevents.routes.source.NotificationOutcome;
import io.pipelineevents.tests.support.EndToEndTest;
import io.pipelineevents.tests.support.Notifications;
import io.pipelineevents.tests.support.StubRealm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A realm that accepted (or parked) a notification does not get it again: not from an SNS duplicate that arrives
 * after it was done, not when SQS delivers the message again because another realm gave it back. The key is
 * remembered once the realm is done, so two copies in flight at the same moment are both sent (docs/delivery.md).
 */
class DedupeTest extends EndToEndTest {
    private StubRealm alpha;
    private StubRealm beta;

    @BeforeEach
    void realms() {
        alpha = realm("alpha");
        beta = realm("beta");
    }

    @Test
    void aRealmThatAcceptedIsNotSentTheNotificationAgainWhenItComesBack() throws Exception {
        // beta refuses it for good and cannot park it (a file is in the way), so the message is given back and
        // comes again every 2 s, until parking works.
        Path parking = dir.resolve("parked");
        beta.answer(status(401));
        start(settings().realm(alpha).realm(beta).with("sqs.visibility-timeout-seconds", "2")
                .with("parking.directory", parking.toString()));
        blockParking(parking);

        send(Notifications.notification("dedupe", 1));

        await().atMost(Duration.ofSeconds(30)).until(() -> beta.requests().size() >= 3);
        Files.delete(parking);
        await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.DELIVERED) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesOnSourceQueue() == 0);

        int receives = beta.requests().size();
        assertThat(alpha.requests()).hasSize(1);
        assertThat(service.duplicatesSkipped("alpha")).isEqualTo(receives - 1);
        assertThat(service.duplicatesSkipped("beta")).isZero();
        assertThat(service.outcomes(NotificationOutcome.DELIVERY_FAILED)).isEqualTo(receives - 1);
    }

    @Test
    void anSnsDuplicateWithTheSameMessageIdIsSentOnce() throws Exception {
        start(settings().realm(alpha).realm(beta));
        String envelope = Corpus.text("sns-sqs-envelope-pipeline-failed.json");

        send(envelope);
        await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.DELIVERED) == 1);
        send(envelope);

        await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.DELIVERED) == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesOnSourceQueue() == 0);
        assertThat(alpha.requests()).hasSize(1);
        assertThat(beta.requests()).hasSize(1);
        assertThat(service.duplicatesSkipped("alpha")).isEqualTo(1);
        assertThat(service.duplicatesSkipped("beta")).isEqualTo(1);
    }

    @Test
    void aNotificationWithoutIdsPublishedTwiceIsSentOnceWhenTheMappingDefinesADedupeKey() throws Exception {
        // A CodeStar notification carries no id; published twice with raw message delivery, its two copies are two
        // SQS messages with two SQS ids. The mapping says what makes them the same.
        Path mapping = Files.writeString(dir.resolve("keyed.yaml"), """
                dedupe-key: "${detail.execution-id}/${detail.state}"
                rules:
                  - name: pipeline
                    match: {detailType: [CodePipeline Pipeline Execution State Change]}
                    event:
                      eventType: codepipeline.pipeline
                      dimensions: {pipeline: "${detail.pipeline}", state: "${detail.state}"}
                """);
        start(settings().realm(alpha).with("mappings.path", mapping.toString()));
        String notification = Corpus.text("codestar-sns-pipeline-failed.json");

        send(notification);
        await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.DELIVERED) == 1);
        send(notification);

        await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.DELIVERED) == 2);
        assertThat(alpha.requests()).hasSize(1);
        assertThat(service.duplicatesSkipped("alpha")).isEqualTo(1);
    }

    @Test
    void withDedupeOffADuplicateIsSentAgain() throws Exception {
        start(settings().realm(alpha).with("dedupe.max-keys", "0"));
        String envelope = Corpus.text("sns-sqs-envelope-pipeline-failed.json");

        send(envelope);
        await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.DELIVERED) == 1);
        send(envelope);

        await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.DELIVERED) == 2);
        assertThat(alpha.requests()).hasSize(2);
        assertThat(service.duplicatesSkipped("alpha")).isZero();
    }
}
