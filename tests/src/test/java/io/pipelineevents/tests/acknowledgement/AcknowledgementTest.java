package io.pipelineevents.tests.acknowledgement;

import static io.pipelineevents.tests.support.StubRealm.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pipelineevents.routes.parking.ParkedItem;
import io.pipelineevents.routes.source.NotificationOutcome;
import io.pipelineevents.tests.support.EndToEndTest;
import io.pipelineevents.tests.support.Notifications;
import io.pipelineevents.tests.support.StubRealm;
import io.pipelineevents.tests.support.TestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A source message is deleted only once every realm it was handed to is done with it: accepted its events, or
 * parked them. While a realm still retries, the message stays (invisible) on the queue; when a realm can neither
 * deliver nor park, the message is given back and comes again.
 */
class AcknowledgementTest extends EndToEndTest {
    private static final String RUN = "ack";
    private static final List<String> ONE_EVENT = List.of(Notifications.executionId(RUN, 1));

    private StubRealm alpha;
    private StubRealm beta;

    @BeforeEach
    void realms() {
        alpha = realm("alpha");
        beta = realm("beta");
    }

    private TestSettings twoRealms() {
        return settings().realm(alpha).realm(beta)
                // A short visibility timeout makes a message that is given back come again within the test.
                .with("sqs.visibility-timeout-seconds", "2")
                .with("retry.initial-backoff-ms", "100").with("retry.max-backoff-ms", "200");
    }

    @Test
    void messageIsDeletedOnceEveryRealmAccepted() throws Exception {
        start(twoRealms());

        send(Notifications.notification(RUN, 1));

        await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.DELIVERED) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesOnSourceQueue() == 0);
        assertThat(Notifications.executionIdsOf(alpha.acceptedEvents())).isEqualTo(ONE_EVENT);
        assertThat(Notifications.executionIdsOf(beta.acceptedEvents())).isEqualTo(ONE_EVENT);
        assertThat(alpha.requests()).hasSize(1);
        assertThat(beta.requests()).hasSize(1);
    }

    @Test
    void messageStaysOnTheQueueWhileARealmIsStillRetryingAndIsDeletedWhenItRecovers() throws Exception {
        beta.answer(status(503));
        start(twoRealms().with("realm.beta.retry.max-attempts", "100")
                .with("realm.beta.retry.max-elapsed-ms", "60000"));

        send(Notifications.notification(RUN, 1));

        await().atMost(Duration.ofSeconds(20)).until(() -> alpha.acceptedEvents().size() == 1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() ->
                messagesOnSourceQueue() == 1 && service.finished() == 0 && service.parkedEvents("beta") == 0);
        assertThat(beta.requests().size()).isGreaterThan(3);

        beta.accept();

        await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.DELIVERED) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesOnSourceQueue() == 0);
        assertThat(Notifications.executionIdsOf(beta.acceptedEvents())).isEqualTo(ONE_EVENT);
        assertThat(alpha.requests()).hasSize(1);
        assertThat(service.parked()).isEmpty();
    }

    @Test
    void messageIsDeletedOnceTheRealmThatFailedParkedItsEvents() throws Exception {
        beta.answer(status(400));
        start(twoRealms());

        send(Notifications.notification(RUN, 1));

        await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.DELIVERED) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesOnSourceQueue() == 0);
        assertThat(Notifications.executionIdsOf(alpha.acceptedEvents())).isEqualTo(ONE_EVENT);
        assertThat(service.parked()).singleElement().satisfies(parked -> {
            assertThat(parked.realm()).contains("beta");
            assertThat(Notifications.executionIdsOf(parked)).isEqualTo(ONE_EVENT);
        });
        assertThat(service.outcomes(NotificationOutcome.DELIVERY_FAILED)).isZero();
    }

    @Test
    void messageIsGivenBackWhileARealmCanNeitherDeliverNorParkItsEventsAndDeletedOnceParkingWorks()
            throws Exception {
        // A file where the parking directory should be: parking fails until it is removed.
        Path parking = dir.resolve("parked");
        beta.answer(status(401));
        start(twoRealms().with("parking.directory", parking.toString()));
        blockParking(parking);

        String messageId = send(Notifications.notification(RUN, 1));

        // Each time: beta refuses, parking fails, the message is given back and comes again after 2 s.
        await().atMost(Duration.ofSeconds(30)).until(() -> service.outcomes(NotificationOutcome.DELIVERY_FAILED) >= 2);
        assertThat(messagesOnSourceQueue()).isEqualTo(1);
        assertThat(service.outcomes(NotificationOutcome.DELIVERED)).isZero();
        assertThat(beta.requests().size()).isGreaterThanOrEqualTo(2);
        // alpha accepted it the first time and skips it since.
        assertThat(alpha.requests()).hasSize(1);

        Files.delete(parking);

        await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.DELIVERED) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesOnSourceQueue() == 0);
        List<ParkedItem> parked = service.parked();
        assertThat(parked).singleElement().satisfies(item -> {
            assertThat(item.realm()).contains("beta");
            assertThat(item.lastStatus()).contains(401);
            assertThat(item.sourceMessageIds()).containsExactly(messageId);
            assertThat(Notifications.executionIdsOf(item)).isEqualTo(ONE_EVENT);
        });
        assertThat(Notifications.executionIdsOf(alpha.acceptedEvents())).isEqualTo(ONE_EVENT);
    }
}
