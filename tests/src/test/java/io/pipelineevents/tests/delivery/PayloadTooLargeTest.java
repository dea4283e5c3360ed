package io.pipelineevents.tests.delivery;

import static io.pipelineevents.tests.support.StubRealm.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pipelineevents.routes.parking.ParkedItem;
import io.pipelineevents.routes.source.NotificationOutcome;
import io.pipelineevents.tests.support.EndToEndTest;
import io.pipelineevents.tests.support.Notifications;
import io.pipelineevents.tests.support.StubRealm;
import io.pipelineevents.tests.support.TestSettings;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A batch that ingest answers 413 Payload Too Large is split in halves, and halves again, until every part is
 * accepted: each event is delivered exactly once. A single event answered 413 cannot be split and is parked.
 */
class PayloadTooLargeTest extends EndToEndTest {
    private static final String RUN = "too-large";

    private StubRealm alpha;

    @BeforeEach
    void realm() {
        alpha = realm("alpha");
    }

    /** One worker that waits a second for a batch to fill: notifications already queued go out as one batch. */
    private TestSettings oneBatchAtATime() {
        return settings().realm(alpha)
                .with("sqs.visibility-timeout-seconds", "120")
                .with("realm.alpha.workers", "1")
                .with("realm.alpha.batch.max-events", "10")
                .with("realm.alpha.batch.linger-ms", "1000");
    }

    @Test
    void aBatchAnswered413IsSplitUntilEveryPartIsAcceptedAndEachEventDeliveredOnce() throws Exception {
        alpha.refuseRequestsOver(2);
        sendAll(Notifications.notifications(RUN, 8));
        start(oneBatchAtATime());

        await().atMost(Duration.ofSeconds(30)).until(() -> service.outcomes(NotificationOutcome.DELIVERED) == 8);
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesOnSourceQueue() == 0);

        assertThat(Notifications.executionIdsOf(alpha.acceptedEvents()))
                .containsExactlyInAnyOrderElementsOf(Notifications.executionIds(RUN, 8));
        assertThat(alpha.acceptedRequests()).allSatisfy(request ->
                assertThat(StubRealm.eventsIn(request)).hasSizeLessThanOrEqualTo(2));
        // 8 -> 413; 4 -> 413, its halves 2 and 2 accepted; the other 4 -> 413, 2 and 2 accepted.
        assertThat(alpha.requests()).extracting(request -> StubRealm.eventsIn(request).size())
                .containsExactly(8, 4, 2, 2, 4, 2, 2);
        assertThat(alpha.answeredStatuses()).containsExactly(413, 413, 200, 200, 413, 200, 200);
        assertThat(service.delivered("alpha")).isEqualTo(8);
        assertThat(service.parked()).isEmpty();
    }

    @Test
    void aSingleEventAnswered413IsParkedAfterOneRequest() throws Exception {
        alpha.answer(status(413));
        start(oneBatchAtATime());

        String messageId = send(Notifications.notification(RUN, 1));

        await().atMost(Duration.ofSeconds(20)).until(() -> service.parked().size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesOnSourceQueue() == 0);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> alpha.requests().size() == 1);
        ParkedItem parked = service.parked().get(0);
        assertThat(parked.realm()).contains("alpha");
        assertThat(parked.lastStatus()).contains(413);
        assertThat(parked.attempts()).isEqualTo(1);
        assertThat(parked.reason()).startsWith("realm alpha answered HTTP 413");
        assertThat(parked.sourceMessageIds()).containsExactly(messageId);
        assertThat(Notifications.executionIdsOf(parked)).containsExactly(Notifications.executionId(RUN, 1));
    }

    @Test
    void aBatchOfEventsTooLargeEvenAloneIsSplitDownToSingleEventsAndEachIsParked() throws Exception {
        alpha.answer(status(413));
        sendAll(Notifications.notifications(RUN, 2));
        start(oneBatchAtATime());

        await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.DELIVERED) == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesOnSourceQueue() == 0);

        assertThat(alpha.requests()).extracting(request -> StubRealm.eventsIn(request).size())
                .containsExactly(2, 1, 1);
        assertThat(service.parked()).hasSize(2).allSatisfy(parked -> {
            assertThat(parked.eventCount()).isEqualTo(1);
            assertThat(parked.attempts()).isEqualTo(1);
            assertThat(parked.lastStatus()).contains(413);
        });
        assertThat(service.parked()).flatExtracting(Notifications::executionIdsOf)
                .containsExactlyInAnyOrderElementsOf(Notifications.executionIds(RUN, 2));
        assertThat(service.parkedEvents("alpha")).isEqualTo(2);
    }
}
