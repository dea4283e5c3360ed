package io.pipelineevents.tests.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pipelineevents.routes.source.NotificationOutcome;
import io.pipelineevents.tests.support.EndToEndTest;
import io.pipelineevents.tests.support.Notifications;
import io.pipelineevents.tests.support.StubRealm;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A realm whose bounded queue is full gives new notifications back to the source queue instead of making the
 * source (and so every other realm) wait. A message given back is not lost: it comes again after its visibility
 * timeout, the realm takes it once it has room, and the realms that already accepted it skip it.
 */
class RealmQueueFullTest extends EndToEndTest {
    private static final int NOTIFICATIONS = 5;
    private static final String RUN = "full";

    @Test
    void aRealmWithAFullQueueGivesTheMessageBackAndEveryRealmStillGetsEachNotificationOnce() throws Exception {
        StubRealm fast = realm("fast");
        StubRealm slow = realm("slow");
        slow.acceptSlowly(Duration.ofMillis(1_000));
        // All five arrive in one receive: the slow realm's one worker takes the first, its queue the second, and
        // it has no room for the others.
        sendAll(Notifications.notifications(RUN, NOTIFICATIONS));
        start(settings().realm(fast).realm(slow)
                .with("sqs.visibility-timeout-seconds", "2")
                .with("realm.slow.queue-capacity", "1")
                .with("realm.slow.workers", "1")
                .with("realm.slow.batch.max-events", "1")
                .with("realm.slow.batch.linger-ms", "0"));

        // The fast realm is not held up by the slow one.
        await().atMost(Duration.ofSeconds(10)).until(() -> fast.acceptedEvents().size() == NOTIFICATIONS);
        assertThat(service.outcomes(NotificationOutcome.DELIVERY_FAILED)).as("messages given back")
                .isGreaterThanOrEqualTo(1);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> service.outcomes(NotificationOutcome.DELIVERED) == NOTIFICATIONS);
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesOnSourceQueue() == 0);

        assertThat(Notifications.executionIdsOf(slow.acceptedEvents()))
                .containsExactlyInAnyOrderElementsOf(Notifications.executionIds(RUN, NOTIFICATIONS));
        assertThat(slow.requests()).hasSize(NOTIFICATIONS);
        assertThat(Notifications.executionIdsOf(fast.acceptedEvents()))
                .containsExactlyInAnyOrderElementsOf(Notifications.executionIds(RUN, NOTIFICATIONS));
        // Every message given back came again once, and the fast realm skipped it then.
        long givenBack = service.outcomes(NotificationOutcome.DELIVERY_FAILED);
        assertThat(service.duplicatesSkipped("fast")).isEqualTo(givenBack);
        assertThat(service.parked()).isEmpty();
    }
}
