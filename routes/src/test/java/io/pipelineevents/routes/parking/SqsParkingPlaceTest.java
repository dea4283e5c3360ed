package io.pipelineevents.routes.parking;

import static io.pipelineevents.routes.parking.ParkedExamples.EARLIER;
import static io.pipelineevents.routes.parking.ParkedExamples.LATER;
import static io.pipelineevents.routes.parking.ParkedExamples.parked;
import static io.pipelineevents.routes.parking.ParkedExamples.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelineevents.routes.parking.ParkedItem.Kind;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Against a real SQS server (ElasticMQ in this JVM, on a free port); every test has its own dead-letter queue. */
class SqsParkingPlaceTest {
    private static final String NOT_JSON = "this is not { json";

    private static SQSRestServer server;
    private static SqsClient sqs;

    private String deadLetterUrl;
    private SqsParkingPlace place;

    @BeforeAll
    static void startSqs() {
        server = SQSRestServerBuilder.withInterface("localhost").withDynamicPort().start();
        int port = server.waitUntilStarted().localAddress().getPort();
        sqs = SqsClient.builder()
                .endpointOverride(URI.create("http://localhost:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    @AfterAll
    static void stopSqs() {
        sqs.close();
        server.stopAndWait();
    }

    @BeforeEach
    void createDeadLetterQueue() {
        deadLetterUrl = sqs.createQueue(r -> r.queueName("parked-" + UUID.randomUUID())).queueUrl();
        place = new SqsParkingPlace(sqs, deadLetterUrl);
    }

    @Test
    void parkedEventsAreListedWithRealmReasonStatusAndAttempts() {
        ParkedEvents parked = parked("alpha", "retries ran out after HTTP 503", 503, 3, EARLIER);
        place.park(parked);

        assertThat(place.list(Optional.empty())).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(Kind.PARKED_EVENTS);
            assertThat(item.realm()).contains("alpha");
            assertThat(item.reason()).isEqualTo("retries ran out after HTTP 503");
            assertThat(item.lastStatus()).contains(503);
            assertThat(item.attempts()).isEqualTo(3);
            assertThat(item.parkedAt()).isEqualTo(EARLIER);
            assertThat(item.eventCount()).isEqualTo(2);
            assertThat(item.events()).contains(parked);
        });
    }

    @Test
    void parkedEventsCarryAttributesThatSayWhatTheyAre() {
        place.park(parked("alpha", "HTTP 400: invalid event", 400, 1, EARLIER));

        Message message = receiveOne();
        assertThat(message.messageAttributes()).containsOnlyKeys("pipeline-events-kind", "pipeline-events-realm",
                "pipeline-events-reason", "pipeline-events-parked-at");
        assertThat(attribute(message, "pipeline-events-kind")).isEqualTo("parked-events");
        assertThat(attribute(message, "pipeline-events-realm")).isEqualTo("alpha");
        assertThat(attribute(message, "pipeline-events-reason")).isEqualTo("HTTP 400: invalid event");
        assertThat(attribute(message, "pipeline-events-parked-at")).isEqualTo("2026-12-03T18:45:12.123456Z");
        assertThat(message.body()).startsWith("{").contains("\"realm\":\"alpha\"", "\"lastStatus\":400");
    }

    @Test
    void listingTheDeadLetterQueueConsumesNothing() {
        place.park(refused("alpha", "refused"));

        assertThat(place.list(Optional.empty())).hasSize(1);
        assertThat(place.list(Optional.empty())).hasSize(1);
        assertThat(messagesHidden()).isZero();
        assertThat(receiveOne().body()).contains("\"reason\":\"refused\"");
    }

    @Test
    void listingIsOldestFirstAndCanBeLimitedToOneRealm() {
        place.park(parked("beta", "later", 400, 1, LATER));
        place.park(parked("alpha", "earlier", 400, 1, EARLIER));

        assertThat(place.list(Optional.empty())).extracting(ParkedItem::reason).containsExactly("earlier", "later");
        assertThat(place.list(Optional.of("beta"))).extracting(ParkedItem::reason).containsExactly("later");
    }

    @Test
    void listingSeesMoreThanOneReceiveWorth() {
        for (int i = 0; i < 25; i++) {
            place.park(refused("alpha", "refused " + i));
        }

        assertThat(place.list(Optional.empty())).hasSize(25).extracting(ParkedItem::id).doesNotHaveDuplicates();
        assertThat(messagesHidden()).isZero();
    }

    @Test
    void anUnprocessableSourceMessageIsListedAsSuch() {
        String id = sendUnprocessable(NOT_JSON, Map.of(
                "pipeline-events-reason", "message body is not JSON: line 1, column 6",
                "pipeline-events-source-queue", "http://localhost/000000000000/notifications",
                "pipeline-events-source-message-id", "source-7",
                "pipeline-events-parked-at", "2026-12-03T18:00:00Z"));

        assertThat(place.list(Optional.empty())).singleElement().satisfies(item -> {
            assertThat(item.id()).isEqualTo(id);
            assertThat(item.kind()).isEqualTo(Kind.UNPROCESSABLE_MESSAGE);
            assertThat(item.realm()).isEmpty();
            assertThat(item.reason()).isEqualTo("message body is not JSON: line 1, column 6");
            assertThat(item.parkedAt()).isEqualTo(Instant.parse("2026-12-03T18:00:00Z"));
            assertThat(item.sourceQueue()).contains("http://localhost/000000000000/notifications");
            assertThat(item.sourceMessageIds()).containsExactly("source-7");
            assertThat(item.rawBody()).contains(NOT_JSON);
            assertThat(item.events()).isEmpty();
            assertThat(item.eventCount()).isZero();
        });
    }

    @Test
    void aMessageAStrictRealmRefusedIsListedUnderThatRealm() {
        sendUnprocessable("{\"detail-type\":\"CodePipeline Stage Execution State Change\"}", Map.of(
                "pipeline-events-reason", "event needed fixes and the ingest policy is strict",
                "pipeline-events-realm", "beta",
                "pipeline-events-source-queue", "notifications",
                "pipeline-events-source-message-id", "source-8",
                "pipeline-events-parked-at", "2026-12-03T18:00:00Z"));

        assertThat(place.list(Optional.of("beta"))).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(Kind.UNPROCESSABLE_MESSAGE);
            assertThat(item.realm()).contains("beta");
        });
        assertThat(place.list(Optional.of("alpha"))).isEmpty();
    }

    @Test
    void aMessageMovedByARedrivePolicyIsListedAsUnprocessable() {
        sqs.sendMessage(r -> r.queueUrl(deadLetterUrl).messageBody(NOT_JSON));

        assertThat(place.list(Optional.empty())).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(Kind.UNPROCESSABLE_MESSAGE);
            assertThat(item.reason()).contains("redrive policy");
            assertThat(item.parkedAt()).isAfter(Instant.parse("2026-01-01T00:00:00Z"));
            assertThat(item.rawBody()).contains(NOT_JSON);
        });
    }

    @Test
    void replayDeletesWhatWasDeliveredAndKeepsWhatFailed() {
        place.park(refused("alpha", "will be accepted"));
        place.park(refused("alpha", "will be refused again"));
        place.park(refused("beta", "delivery throws"));
        sendUnprocessable(NOT_JSON, Map.of("pipeline-events-reason", "message body is not JSON"));
        List<String> offered = new ArrayList<>();

        ReplayReport report = place.replay(Optional.empty(), parked -> {
            offered.add(parked.reason());
            if (parked.reason().equals("delivery throws")) {
                throw new IllegalStateException("realm beta unreachable");
            }
            return parked.reason().equals("will be accepted");
        });

        assertThat(offered).containsExactlyInAnyOrder("will be accepted", "will be refused again", "delivery throws");
        assertThat(report).isEqualTo(new ReplayReport(1, 2, 1));
        // what stays is visible again at once, for the next replay
        assertThat(messagesHidden()).isZero();
        assertThat(place.list(Optional.empty())).extracting(ParkedItem::reason).containsExactlyInAnyOrder(
                "will be refused again", "delivery throws", "message body is not JSON");
    }

    @Test
    void replayOfOneRealmLeavesTheOtherRealmsAlone() {
        place.park(refused("alpha", "alpha's"));
        place.park(refused("beta", "beta's"));

        assertThat(place.replay(Optional.of("beta"), parked -> true)).isEqualTo(new ReplayReport(1, 0, 0));
        assertThat(place.list(Optional.empty())).extracting(ParkedItem::reason).containsExactly("alpha's");
    }

    @Test
    void aLongReasonIsCutInTheAttributeButKeptWholeInTheBody() {
        String reason = "HTTP 400: \u0001" + "x".repeat(5000);
        place.park(refused("alpha", reason));

        assertThat(place.list(Optional.empty())).singleElement()
                .satisfies(item -> assertThat(item.reason()).isEqualTo(reason));
        assertThat(attribute(receiveOne(), "pipeline-events-reason")).hasSizeLessThanOrEqualTo(1024)
                .startsWith("HTTP 400: ?xxx").endsWith("…");
    }

    @Test
    void aDeadLetterQueueThatDoesNotExistFailsParkingAndNamesTheQueue() {
        String missing = deadLetterUrl + "-missing";
        SqsParkingPlace nowhere = new SqsParkingPlace(sqs, missing);

        assertThatThrownBy(() -> nowhere.park(refused("alpha", "refused")))
                .isInstanceOf(ParkingFailedException.class)
                .hasMessageContaining(missing)
                .hasMessageContaining("realm alpha");
    }

    private String sendUnprocessable(String body, Map<String, String> attributes) {
        Map<String, MessageAttributeValue> values = new LinkedHashMap<>();
        attributes.forEach((name, value) ->
                values.put(name, MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
        return sqs.sendMessage(r -> r.queueUrl(deadLetterUrl).messageBody(body).messageAttributes(values)).messageId();
    }

    private Message receiveOne() {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(deadLetterUrl).maxNumberOfMessages(10)
                .waitTimeSeconds(1).messageAttributeNames("All")).messages();
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private static String attribute(Message message, String name) {
        return message.messageAttributes().get(name).stringValue();
    }

    private int messagesHidden() {
        return Integer.parseInt(sqs.getQueueAttributes(r -> r.queueUrl(deadLetterUrl)
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }
}
