package io.pipelineevents.tests.delivery;

import static io.pipelineevents.tests.support.StubRealm.connectionReset;
import static io.pipelineevents.tests.support.StubRealm.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pipelineevents.routes.parking.ParkedItem;
import io.pipelineevents.routes.source.NotificationOutcome;
import io.pipelineevents.tests.support.EndToEndTest;
import io.pipelineevents.tests.support.Notifications;
import io.pipelineevents.tests.support.StubRealm;
import io.pipelineevents.tests.support.TestSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Failures below HTTP are transient like a 503: a response slower than {@code http.response-timeout-ms}, a
 * connection reset, a refused connection. They are retried under the realm's policy and parked when it runs out,
 * with no status and the transport error as the reason.
 */
class TransportFailureTest extends EndToEndTest {
    private static final int MAX_ATTEMPTS = 3;
    private static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(500);
    private static final Duration TOO_SLOW = Duration.ofMillis(2_000);
    private static final String RUN = "transport";

    private TestSettings policy(String realmName) {
        return settings()
                .with("sqs.visibility-timeout-seconds", "120")
                .with("http.response-timeout-ms", Long.toString(RESPONSE_TIMEOUT.toMillis()))
                .with("http.connect-timeout-ms", "1000")
                .with("realm." + realmName + ".retry.max-attempts", Integer.toString(MAX_ATTEMPTS))
                .with("realm." + realmName + ".retry.initial-backoff-ms", "100")
                .with("realm." + realmName + ".retry.max-backoff-ms", "200");
    }

    @Test
    void aResponseSlowerThanTheResponseTimeoutIsRetriedLikeA503() throws Exception {
        StubRealm alpha = realm("alpha");
        alpha.failTimesThenAccept(2, ok().withFixedDelay(Math.toIntExact(TOO_SLOW.toMillis())));
        start(policy("alpha").realm(alpha));

        send(Notifications.notification(RUN, 1));

        await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.DELIVERED) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesOnSourceQueue() == 0);
        assertThat(alpha.requests()).hasSize(3);
        assertThat(service.delivered("alpha")).isEqualTo(1);
        assertThat(service.retried("alpha")).isEqualTo(2);
        assertThat(service.parked()).isEmpty();
    }

    @Test
    void aRealmThatNeverAnswersInTimeIsParkedAfterMaxAttempts() throws Exception {
        StubRealm alpha = realm("alpha");
        alpha.acceptSlowly(TOO_SLOW);
        start(policy("alpha").realm(alpha));

        send(Notifications.notification(RUN, 1));

        await().atMost(Duration.ofSeconds(30)).until(() -> service.parked().size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> alpha.requests().size() == MAX_ATTEMPTS);
        ParkedItem parked = service.parked().get(0);
        assertThat(parked.attempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(parked.lastStatus()).isEmpty();
        assertThat(parked.reason()).startsWith("realm alpha could not be reached: ").containsIgnoringCase("timeout")
                .endsWith("(after " + MAX_ATTEMPTS + " attempts)");
        assertThat(Notifications.executionIdsOf(parked)).containsExactly(Notifications.executionId(RUN, 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesOnSourceQueue() == 0);
    }

    @Test
    void aConnectionResetIsRetriedAndThenDelivered() throws Exception {
        StubRealm alpha = realm("alpha");
        alpha.failTimesThenAccept(2, connectionReset());
        start(policy("alpha").realm(alpha));

        send(Notifications.notification(RUN, 1));

        await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.DELIVERED) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesOnSourceQueue() == 0);
        assertThat(alpha.requests()).hasSize(3);
        assertThat(alpha.answeredStatuses()).containsExactly(0, 0, 200);
        assertThat(Notifications.executionIdsOf(alpha.acceptedEvents()))
                .containsExactly(Notifications.executionId(RUN, 1));
        assertThat(service.retried("alpha")).isEqualTo(2);
        assertThat(service.parked()).isEmpty();
    }

    @Test
    void aRealmThatRefusesConnectionsIsRetriedThenParked() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        start(policy("gone").realm("gone", "http://127.0.0.1:" + closedPort, "gone-token"));

        send(Notifications.notification(RUN, 1));

        await().atMost(Duration.ofSeconds(20)).until(() -> service.parked().size() == 1);
        ParkedItem parked = service.parked().get(0);
        assertThat(parked.realm()).contains("gone");
        assertThat(parked.attempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(parked.lastStatus()).isEmpty();
        assertThat(parked.reason()).startsWith("realm gone could not be reached: ");
        assertThat(service.retried("gone")).isEqualTo(MAX_ATTEMPTS - 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesOnSourceQueue() == 0);
    }
}
