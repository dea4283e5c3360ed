package io.pipelineevents.tests.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pipelineevents.tests.support.TestQueues;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The service killed with SIGKILL (no shutdown hook, nothing flushed, nothing given back) in the middle of a stream
 * and started again loses no notification: what it had not acknowledged comes back to the queue once its visibility
 * timeout runs out, and the new instance delivers it. The price is duplicates, which this test counts: a realm sees
 * again what it had received for messages that were not yet acknowledged, and never more than that.
 */
class CrashRecoveryTest {
    private static final int NOTIFICATIONS = 300;

    private TestQueues queues;
    private QueueInspector inspector;
    private RecordingRealm fast;
    private RecordingRealm slow;
    private ServiceInstances service;
    private String queueUrl;

    @BeforeEach
    void start(TestInfo test) throws Exception {
        queues = new TestQueues();
        inspector = new QueueInspector(queues);
        queueUrl = queues.createQueue("crash");
        fast = new RecordingRealm("a");
        // b holds each answer back, so that at any moment it has requests in flight and messages unacknowledged.
        slow = new RecordingRealm("b").answeringAfter(Duration.ofMillis(300));
        service = ServiceInstances.reading(queues, queueUrl, getClass().getSimpleName(),
                        test.getTestMethod().orElseThrow().getName())
                .realm(fast).realm(slow)
                // A message the killed instance held comes back after 3 s; polls return within 1 s.
                .with("sqs.visibility-timeout-seconds", "3")
                .with("sqs.wait-time-seconds", "1")
                // Small batches: many requests, so the kill lands between some of them.
                .with("batch.max-events", "10")
                .with("batch.linger-ms", "50");
    }

    @AfterEach
    void stop() throws Exception {
        service.close();
        fast.close();
        slow.close();
        inspector.close();
        queues.close();
    }

    @Test
    void aServiceKilledMidStreamLosesNothingWhenRestarted() throws Exception {
        NotificationStream stream = new NotificationStream();
        List<String> sent = stream.send(queues, queueUrl, NOTIFICATIONS);

        ServiceProcess first = service.start();
        await("realm b received a fifth of the stream").atMost(Duration.ofSeconds(60))
                .until(() -> slow.distinct() >= NOTIFICATIONS / 5);
        int exitStatus = first.kill();

        assertThat(exitStatus).as("killed by SIGKILL, not stopped").isEqualTo(ServiceProcess.KILLED_BY_SIGKILL);
        assertThat(first.log()).as("no orderly stop ran").doesNotContain("Stopping:");
        int receivedByBAtKill = slow.distinct();
        int unacknowledgedAtKill = inspector.counts(queueUrl).total();
        assertThat(receivedByBAtKill).as("the kill came before b had everything").isLessThan(NOTIFICATIONS);
        assertThat(unacknowledgedAtKill).as("messages the killed instance had not acknowledged").isPositive();

        ServiceProcess second = service.start();
        await("every notification at every realm, and the queue empty").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> fast.receivedAll(sent) && slow.receivedAll(sent)
                        && inspector.counts(queueUrl).total() == 0);
        second.terminate();
        assertThat(second.awaitExit(Duration.ofSeconds(30))).as("the second instance stopped").isTrue();

        long parked = service.parkedFiles();
        System.out.printf("CrashRecoveryTest: sent=%d delivered a=%d b=%d duplicates a=%d b=%d parked=%d"
                        + " (at the kill: b had %d, %d message(s) unacknowledged)%n",
                sent.size(), fast.distinct(), slow.distinct(), fast.duplicates(), slow.duplicates(), parked,
                receivedByBAtKill, unacknowledgedAtKill);
        assertThat(fast.distinct()).as("notifications a received").isEqualTo(NOTIFICATIONS);
        assertThat(slow.distinct()).as("notifications b received").isEqualTo(NOTIFICATIONS);
        // A repeat only comes from a message that came back; each came back once, to an instance that sends it
        // once per realm.
        assertThat(fast.duplicates()).as("a's duplicates").isLessThanOrEqualTo(unacknowledgedAtKill);
        assertThat(slow.duplicates()).as("b's duplicates").isLessThanOrEqualTo(unacknowledgedAtKill);
        assertThat(sent).allSatisfy(id -> {
            assertThat(fast.timesReceived(id)).as("times a received %s", id).isBetween(1, 2);
            assertThat(slow.timesReceived(id)).as("times b received %s", id).isBetween(1, 2);
        });
        assertThat(fast.unreadable() + slow.unreadable()).as("requests that were no JSON array").isZero();
        assertThat(parked).as("files in the parking directory").isZero();
    }
}
