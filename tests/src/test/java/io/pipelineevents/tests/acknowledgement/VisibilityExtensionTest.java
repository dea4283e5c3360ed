package io.pipelineevents.tests.acknowledgement;

import static io.pipelineevents.tests.support.StubRealm.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pipelineevents.routes.acknowledgement.SqsAcknowledgements;
import io.pipelineevents.routes.source.NotificationOutcome;
import io.pipelineevents.routes.source.SqsSourceRoute;
import io.pipelineevents.tests.support.EndToEndTest;
import io.pipelineevents.tests.support.Notifications;
import io.pipelineevents.tests.support.StubRealm;
import java.time.Duration;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;

/**
 * While a realm is still retrying, the service keeps the source message invisible on its queue, well past its
 * visibility timeout, so that SQS does not hand it out again: no second receive, no duplicate at the realm that
 * already accepted it.
 */
class VisibilityExtensionTest extends EndToEndTest {

    @Test
    void aMessageWaitingForARetryingRealmIsNotReceivedAgainPastItsVisibilityTimeout() throws Exception {
        StubRealm healthy = realm("healthy");
        StubRealm retrying = realm("retrying");
        retrying.answer(status(503));
        start(settings().realm(healthy).realm(retrying)
                .with("sqs.visibility-timeout-seconds", "2")
                // Dedupe off: a second receive would reach the healthy realm as a second request.
                .with("dedupe.max-keys", "0")
                .with("realm.retrying.retry.max-attempts", "100")
                .with("realm.retrying.retry.initial-backoff-ms", "200")
                .with("realm.retrying.retry.max-backoff-ms", "1000")
                .with("realm.retrying.retry.max-elapsed-ms", "60000"));
        NotifyBuilder receivedTwice = new NotifyBuilder(service.camelContext()).fromRoute(SqsSourceRoute.ROUTE_ID)
                .whenReceived(2).create();

        send(Notifications.notification("visibility", 1));

        await().atMost(Duration.ofSeconds(20)).until(() -> healthy.acceptedEvents().size() == 1);
        // Four visibility timeouts while the other realm keeps failing.
        await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(10)).until(() ->
                !receivedTwice.matches() && healthy.requests().size() == 1 && messagesOnSourceQueue() == 1);
        assertThat(retrying.requests().size()).isGreaterThan(4);
        assertThat(service.counter(SqsAcknowledgements.EXTENSIONS)).isGreaterThanOrEqualTo(4);

        retrying.accept();

        await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.DELIVERED) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesOnSourceQueue() == 0);
        assertThat(receivedTwice.matches()).as("the message was received a second time").isFalse();
        assertThat(healthy.requests()).hasSize(1);
        assertThat(Notifications.executionIdsOf(retrying.acceptedEvents()))
                .containsExactly(Notifications.executionId("visibility", 1));
        assertThat(service.counter(SqsAcknowledgements.EXTENSION_FAILURES)).isZero();
        assertThat(service.parked()).isEmpty();
    }
}
