package io.pipelineevents.tests.parking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipelineevents.mappings.Corpus;
import io.pipelineevents.routes.source.NotificationOutcome;
import io.pipelineevents.tests.support.RunningService;
import io.pipelineevents.tests.support.StubRealm;
import io.pipelineevents.tests.support.TestQueues;
import io.pipelineevents.tests.support.TestSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The ingest policy is chosen per realm: a sanitize realm gets an event fixed, a strict realm refuses it and the
 * notification is parked for that realm with the reason. Neither holds up the other.
 */
class IngestPolicyTest {
    // Its source action's console URL is 309 characters: over ingest's 256, so the event needs a fix.
    private static final String NEEDS_A_FIX = "eventbridge-action-succeeded-source-json-in-summary.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aStrictRealmParksWhatASanitizeRealmReceivesFixed(@TempDir Path dir) throws Exception {
        try (TestQueues queues = new TestQueues();
                StubRealm strict = new StubRealm("strict", "strict-token");
                StubRealm lenient = new StubRealm("lenient", "lenient-token")) {
            String queueUrl = queues.createQueue("policy");
            String deadLetterUrl = queues.createQueue("policy-dlq");
            try (RunningService service = RunningService.start(dir, TestSettings.queue(queues, queueUrl)
                    .deadLetterQueue(deadLetterUrl).realm(strict).realm(lenient)
                    .with("realm.strict.ingest-policy", "strict").build())) {

                queues.send(queueUrl, Corpus.text(NEEDS_A_FIX));

                await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.DELIVERED) == 1);
                await().atMost(Duration.ofSeconds(10)).until(() -> queues.messagesOn(queueUrl) == 0);
                assertThat(service.counter("pipeline_events.events.fixed", "realm", "lenient")).isEqualTo(1);
                assertThat(service.counter("pipeline_events.events.refused", "realm", "strict")).isEqualTo(1);
                assertThat(service.counter("pipeline_events.events.fixed", "realm", "strict")).isZero();
            }
            assertThat(strict.requests()).isEmpty();
            assertThat(lenient.requests()).hasSize(1);
            JsonNode sent = JSON.readTree(lenient.requests().get(0).getBodyAsString()).get(0);
            assertThat(sent.path("properties").path("external_execution_url").asText()).hasSize(256).endsWith("…");

            // Parked like any event the realm cannot take: the events, with the reason naming what needed fixing.
            List<Message> parked = queues.receive(deadLetterUrl);
            assertThat(parked).hasSize(1);
            assertThat(parked.get(0).messageAttributes().get("pipeline-events-realm").stringValue()).isEqualTo("strict");
            assertThat(parked.get(0).messageAttributes().get("pipeline-events-reason").stringValue())
                    .startsWith("realm strict: rule 'action-execution': event refused by the STRICT ingest policy")
                    .contains("external_execution_url");
            JsonNode record = JSON.readTree(parked.get(0).body());
            assertThat(record.path("realm").asText()).isEqualTo("strict");
            assertThat(record.path("events")).hasSize(1);
            // Fixed, as a sanitize realm would get it: a replay is the operator accepting the fix.
            assertThat(record.path("events").get(0).path("properties").path("external_execution_url").asText())
                    .hasSize(256).endsWith("…");
        }
    }

    @Test
    void aDuplicateOfARefusedNotificationIsNotParkedAgain(@TempDir Path dir) throws Exception {
        try (TestQueues queues = new TestQueues();
                StubRealm strict = new StubRealm("strict", "strict-token");
                StubRealm lenient = new StubRealm("lenient", "lenient-token")) {
            String queueUrl = queues.createQueue("policy-duplicate");
            try (RunningService service = RunningService.start(dir, TestSettings.queue(queues, queueUrl)
                    .realm(strict).realm(lenient).with("realm.strict.ingest-policy", "strict")
                    .with("parking.directory", dir.resolve("parked").toString()).build())) {

                queues.send(queueUrl, Corpus.text(NEEDS_A_FIX));
                await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.DELIVERED) == 1);
                queues.send(queueUrl, Corpus.text(NEEDS_A_FIX));
                await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.DELIVERED) == 2);

                assertThat(service.parked()).hasSize(1);
                assertThat(service.counter("pipeline_events.events.refused", "realm", "strict")).isEqualTo(1);
                assertThat(service.counter("pipeline_events.events.fixed", "realm", "lenient")).isEqualTo(1);
                assertThat(service.duplicatesSkipped("strict")).isEqualTo(1);
                assertThat(service.duplicatesSkipped("lenient")).isEqualTo(1);
            }
            assertThat(lenient.requests()).hasSize(1);
        }
    }

    @Test
    void withoutADeadLetterQueueAStrictRealmParksItsRefusedEventsInTheDirectoryAndHoldsUpNobody(@TempDir Path dir)
            throws Exception {
        try (TestQueues queues = new TestQueues();
                StubRealm strict = new StubRealm("strict", "strict-token");
                StubRealm lenient = new StubRealm("lenient", "lenient-token")) {
            String queueUrl = queues.createQueue("policy-no-dlq");
            try (RunningService service = RunningService.start(dir, TestSettings.queue(queues, queueUrl)
                    .realm(strict).realm(lenient).with("realm.strict.ingest-policy", "strict")
                    .with("parking.directory", dir.resolve("parked").toString()).build())) {

                queues.send(queueUrl, Corpus.text(NEEDS_A_FIX));

                await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.DELIVERED) == 1);
                await().atMost(Duration.ofSeconds(10)).until(() -> queues.messagesOn(queueUrl) == 0);
                assertThat(service.outcomes(NotificationOutcome.DELIVERY_FAILED)).isZero();
                assertThat(service.parked()).singleElement().satisfies(parked -> {
                    assertThat(parked.realm()).contains("strict");
                    assertThat(parked.eventCount()).isEqualTo(1);
                    assertThat(parked.reason()).startsWith("realm strict: rule 'action-execution': event refused by"
                            + " the STRICT ingest policy");
                });
            }
            assertThat(strict.requests()).isEmpty();
            assertThat(lenient.requests()).hasSize(1);
        }
    }
}
