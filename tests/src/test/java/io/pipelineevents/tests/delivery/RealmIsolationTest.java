package io.pipelineevents.tests.delivery;

import static io.pipelineevents.tests.support.StubRealm.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pipelineevents.routes.source.NotificationOutcome;
import io.pipelineevents.tests.support.EndToEndTest;
import io.pipelineevents.tests.support.Notifications;
import io.pipelineevents.tests.support.StubRealm;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * One dead realm must not hold up another: each realm has its own queue and workers. A realm that is down for a
 * minute, within its retry policy, gets everything once it is back, and nothing is parked or lost meanwhile.
 */
class RealmIsolationTest extends EndToEndTest {
    private static final int NOTIFICATIONS = 30;
    private static final Duration DOWNTIME = Duration.ofSeconds(60);
    private static final String RUN = "isolation";

    @Test
    void aRealmDownForAMinuteDelaysNobodyElseAndLosesNothing() throws Exception {
        StubRealm up = realm("up");
        StubRealm down = realm("down");
        down.answer(status(503));
        start(settings().realm(up).realm(down)
                // Pending messages outlive several visibility timeouts: they are kept invisible meanwhile.
                .with("sqs.visibility-timeout-seconds", "10")
                // Waits of 0.5, 1, 2, 4, then 5 s: about 15 attempts in a minute; the budget allows 100 and 3 min.
                .with("realm.down.retry.max-attempts", "100")
                .with("realm.down.retry.initial-backoff-ms", "500")
                .with("realm.down.retry.max-backoff-ms", "5000")
                .with("realm.down.retry.max-elapsed-ms", "180000"));
        long downSince = System.nanoTime();

        sendAll(Notifications.notifications(RUN, NOTIFICATIONS));

        // The healthy realm gets every notification now, not after the other one recovers.
        await().atMost(Duration.ofSeconds(20)).until(() -> up.acceptedEvents().size() == NOTIFICATIONS);
        assertThat(Notifications.executionIdsOf(up.acceptedEvents()))
                .containsExactlyInAnyOrderElementsOf(Notifications.executionIds(RUN, NOTIFICATIONS));
        assertThat(down.acceptedEvents()).isEmpty();

        // For the rest of the minute: nothing parked, nothing acknowledged, nothing delivered twice.
        Duration rest = DOWNTIME.minus(Duration.ofNanos(System.nanoTime() - downSince));
        await().during(rest).atMost(rest.plusSeconds(5)).until(() -> service.parkedEvents("down") == 0
                && service.finished() == 0 && messagesOnSourceQueue() == NOTIFICATIONS
                && up.requests().size() == up.acceptedRequests().size()
                && up.acceptedEvents().size() == NOTIFICATIONS);
        assertThat(down.requests().size()).as("requests to the realm while it was down").isGreaterThan(10);

        down.accept();

        await().atMost(Duration.ofSeconds(30)).until(() -> down.acceptedEvents().size() == NOTIFICATIONS);
        await().atMost(Duration.ofSeconds(20)).until(() -> messagesOnSourceQueue() == 0);
        assertThat(Notifications.executionIdsOf(down.acceptedEvents()))
                .containsExactlyInAnyOrderElementsOf(Notifications.executionIds(RUN, NOTIFICATIONS));
        assertThat(Notifications.executionIdsOf(up.acceptedEvents()))
                .containsExactlyInAnyOrderElementsOf(Notifications.executionIds(RUN, NOTIFICATIONS));
        assertThat(service.outcomes(NotificationOutcome.DELIVERED)).isEqualTo(NOTIFICATIONS);
        assertThat(service.outcomes(NotificationOutcome.DELIVERY_FAILED)).isZero();
        assertThat(service.parked()).isEmpty();
        assertThat(service.delivered("down")).isEqualTo(NOTIFICATIONS);
        assertThat(service.delivered("up")).isEqualTo(NOTIFICATIONS);
    }
}
