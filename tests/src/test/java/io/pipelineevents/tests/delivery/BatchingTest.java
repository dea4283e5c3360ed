package io.pipelineevents.tests.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.pipelineevents.routes.source.NotificationOutcome;
import io.pipelineevents.tests.support.EndToEndTest;
import io.pipelineevents.tests.support.Notifications;
import io.pipelineevents.tests.support.StubRealm;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A realm's events go out in batches: one request is a JSON array of at most {@code batch.max-events} events, from
 * many notifications; a body above {@code batch.gzip-above-bytes} is sent with {@code Content-Encoding: gzip}.
 */
class BatchingTest extends EndToEndTest {
    private static final int MAX_EVENTS = 20;
    private static final int GZIP_ABOVE_BYTES = 1_000;

    private StubRealm alpha;

    @BeforeEach
    void startService() throws Exception {
        alpha = realm("alpha");
        start(settings().realm(alpha)
                .with("realm.alpha.batch.max-events", Integer.toString(MAX_EVENTS))
                .with("realm.alpha.batch.linger-ms", "500")
                .with("realm.alpha.batch.gzip-above-bytes", Integer.toString(GZIP_ABOVE_BYTES)));
    }

    @Test
    void fiftyNotificationsAtOnceGoOutInFarFewerRequestsEachOfAtMostMaxEvents() {
        sendAll(Notifications.notifications("fifty", 50));

        await().atMost(Duration.ofSeconds(30)).until(() -> service.outcomes(NotificationOutcome.DELIVERED) == 50);
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesOnSourceQueue() == 0);

        List<LoggedRequest> requests = alpha.requests();
        assertThat(requests).hasSizeBetween(50 / MAX_EVENTS + 1, 10);
        assertThat(requests).allSatisfy(request ->
                assertThat(StubRealm.eventsIn(request)).hasSizeBetween(1, MAX_EVENTS));
        assertThat(Notifications.executionIdsOf(alpha.acceptedEvents()))
                .containsExactlyInAnyOrderElementsOf(Notifications.executionIds("fifty", 50));
        assertThat(service.delivered("alpha")).isEqualTo(50);
    }

    @Test
    void aBodyAboveTheGzipThresholdIsSentCompressedAndDecodesToTheEvents() {
        send(Notifications.notification("gzip", 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.DELIVERED) == 1);
        sendAll(Notifications.notifications("gzip", 11).subList(1, 11));
        await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.DELIVERED) == 11);

        List<LoggedRequest> requests = alpha.requests();
        // One event alone (about 330 bytes) goes as it is; ten events in one request are well above 1 000 bytes.
        assertThat(requests.get(0).getBody().length).isLessThanOrEqualTo(GZIP_ABOVE_BYTES);
        assertThat(requests.get(0).containsHeader("Content-Encoding")).isFalse();
        assertThat(requests.subList(1, requests.size())).anySatisfy(request ->
                assertThat(request.getBody().length).isGreaterThan(GZIP_ABOVE_BYTES));
        for (LoggedRequest request : requests) {
            // WireMock logs the body decoded; the header is as it was sent.
            boolean large = request.getBody().length > GZIP_ABOVE_BYTES;
            assertThat(request.getHeader("Content-Encoding")).as("Content-Encoding of a %d-byte body",
                    request.getBody().length).isEqualTo(large ? "gzip" : null);
            if (large) {
                // Compressed on the wire: far fewer bytes sent than the JSON holds.
                assertThat(Integer.parseInt(request.getHeader("Content-Length")))
                        .as("bytes on the wire").isLessThan(request.getBody().length / 2);
            }
        }
        assertThat(Notifications.executionIdsOf(alpha.acceptedEvents()))
                .containsExactlyInAnyOrderElementsOf(Notifications.executionIds("gzip", 11));
    }
}
