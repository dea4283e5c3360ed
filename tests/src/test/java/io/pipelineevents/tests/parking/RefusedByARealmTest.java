package io.pipelineevents.tests.parking;

import static io.pipelineevents.tests.support.StubRealm.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pipelineevents.routes.parking.ParkedItem;
import io.pipelineevents.routes.parking.SqsParkingPlace;
import io.pipelineevents.routes.source.NotificationOutcome;
import io.pipelineevents.tests.support.EndToEndTest;
import io.pipelineevents.tests.support.Notifications;
import io.pipelineevents.tests.support.StubRealm;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A realm that refuses a batch for good (here 401, a bad token) gets exactly one request; its events are parked
 * with a reason that names the realm and the status, and the other realm is not held up. The source message is
 * deleted: parked counts as done. Without a dead-letter queue the record is a file in the parking directory; with
 * one, a message on it.
 */
class RefusedByARealmTest extends EndToEndTest {
    private static final String RUN = "refused";
    private static final List<String> THE_EVENT = List.of(Notifications.executionId(RUN, 1));

    private StubRealm refusing;
    private StubRealm healthy;

    @BeforeEach
    void realms() {
        refusing = realm("refusing");
        healthy = realm("healthy");
        refusing.answer(status(401));
    }

    @Test
    void a401IsParkedInTheParkingDirectoryAfterOneRequestWhileTheOtherRealmGetsItsEvents() throws Exception {
        start(settings().realm(refusing).realm(healthy));

        String messageId = send(Notifications.notification(RUN, 1));

        await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.DELIVERED) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesOnSourceQueue() == 0);
        assertThat(service.parked()).singleElement().satisfies(parked -> assertParked(parked, messageId));
        assertDeliveredOnlyToTheHealthyRealm();
    }

    @Test
    void a401IsParkedOnTheDeadLetterQueueWhenThereIsOne() throws Exception {
        String deadLetterUrl = queues.createQueue("refused-dlq");
        start(settings().deadLetterQueue(deadLetterUrl).realm(refusing).realm(healthy));

        String messageId = send(Notifications.notification(RUN, 1));

        await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.DELIVERED) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesOnSourceQueue() == 0);
        assertThat(queues.parkedOn(deadLetterUrl)).singleElement().satisfies(parked -> assertParked(parked, messageId));
        assertThat(service.parked()).as("nothing in the parking directory").isEmpty();
        // An operator reading the queue in a console sees what it is without opening it.
        List<Message> raw = queues.receive(deadLetterUrl);
        assertThat(raw).singleElement().satisfies(message -> {
            assertThat(message.messageAttributes().get(SqsParkingPlace.KIND).stringValue())
                    .isEqualTo(SqsParkingPlace.PARKED_EVENTS);
            assertThat(message.messageAttributes().get(SqsParkingPlace.REALM).stringValue()).isEqualTo("refusing");
            assertThat(message.messageAttributes().get(SqsParkingPlace.REASON).stringValue())
                    .startsWith("realm refusing answered HTTP 401");
        });
        assertDeliveredOnlyToTheHealthyRealm();
    }

    private static void assertParked(ParkedItem parked, String messageId) {
        assertThat(parked.kind()).isEqualTo(ParkedItem.Kind.PARKED_EVENTS);
        assertThat(parked.realm()).contains("refusing");
        assertThat(parked.lastStatus()).contains(401);
        assertThat(parked.attempts()).isEqualTo(1);
        assertThat(parked.reason()).isEqualTo("realm refusing answered HTTP 401: {\"message\":\"stub answer 401\"}");
        assertThat(parked.sourceMessageIds()).containsExactly(messageId);
        assertThat(parked.eventCount()).isEqualTo(1);
        assertThat(Notifications.executionIdsOf(parked)).isEqualTo(THE_EVENT);
    }

    private void assertDeliveredOnlyToTheHealthyRealm() {
        assertThat(refusing.requests()).hasSize(1);
        assertThat(refusing.requests().get(0).getHeader("X-SF-Token")).isEqualTo("refusing-token");
        assertThat(Notifications.executionIdsOf(healthy.acceptedEvents())).isEqualTo(THE_EVENT);
        assertThat(healthy.requests()).hasSize(1);
        assertThat(service.parkedEvents("refusing")).isEqualTo(1);
        assertThat(service.retried("refusing")).isZero();
        assertThat(service.delivered("healthy")).isEqualTo(1);
        assertThat(service.outcomes(NotificationOutcome.DELIVERY_FAILED)).isZero();
    }
}
