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
 * SIGTERM while batches are in flight toward a slow realm. The service stops reading, lets its realms deliver what
 * they hold until {@code shutdown.deadline-ms}, and gives every message still unfinished back to the queue, visible
 * at once; then it exits, without starting another request. Within the deadline nothing is delivered twice; past
 * it, the realms that had already accepted a given-back message receive it again from the next instance. Nothing is
 * lost either way (docs/delivery.md, "Shutdown and crashes").
 */
class GracefulShutdownTest {
    /** Beyond the deadline, the stop may take this long: a poll in progress (1 s), Camel's stop, the JVM's exit. */
    private static final Duration STOP_BOUND = Duration.ofSeconds(5);

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
        queueUrl = queues.createQueue("shutdown");
        fast = new RecordingRealm("fast");
        slow = new RecordingRealm("slow");
        service = ServiceInstances.reading(queues, queueUrl, getClass().getSimpleName(),
                        test.getTestMethod().orElseThrow().getName())
                .realm(fast).realm(slow)
                .with("sqs.visibility-timeout-seconds", "3")
                .with("sqs.wait-time-seconds", "1")
                .with("batch.max-events", "20")
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
    void withinItsDeadlineAStoppedServiceDeliversWhatItHoldsAndNothingIsSentTwice() throws Exception {
        Duration deadline = Duration.ofSeconds(30);
        service.with("shutdown.deadline-ms", Long.toString(deadline.toMillis()));
        // Two requests of 20 events at a time, each answered after 1 s: all 120 notifications take about 3 s.
        slow.answeringAfter(Duration.ofSeconds(1));
        int firstWave = 120;
        Duration slowNeedsForAll = Duration.ofSeconds(3);
        NotificationStream stream = new NotificationStream();
        stream.send(queues, queueUrl, firstWave);

        ServiceProcess first = service.start();
        await("slow's first batches in flight").atMost(Duration.ofSeconds(60)).until(() -> slow.requests() > 0);
        long stopAsked = System.nanoTime();
        first.terminate();
        boolean exited = first.awaitExit(deadline.plus(STOP_BOUND));
        Duration stopTook = Duration.ofNanos(System.nanoTime() - stopAsked);

        assertThat(exited).as("the service exited within the deadline and %s", STOP_BOUND).isTrue();
        assertThat(stopTook).as("the stop waited for the realms, not for the deadline")
                .isLessThan(slowNeedsForAll.plus(STOP_BOUND));
        assertThat(first.exitStatus()).as("exit status").isEqualTo(ServiceProcess.ENDED_BY_SIGTERM);
        assertThat(first.log()).contains("Realms delivered everything they held")
                .doesNotContain("given back to the queue");
        QueueInspector.Counts leftAtExit = inspector.counts(queueUrl);
        int slowHadAtExit = slow.distinct();
        assertThat(slowHadAtExit).as("slow got everything handed over").isEqualTo(fast.distinct());
        assertThat(leftAtExit.total()).as("messages on the queue at exit: exactly those never handed over")
                .isEqualTo(firstWave - fast.distinct());

        // The stream goes on while no instance runs; the next one takes it over.
        stream.send(queues, queueUrl, 30);
        List<String> sent = stream.sent();
        ServiceProcess second = service.start();
        await("every notification at both realms, and the queue empty").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> fast.receivedAll(sent) && slow.receivedAll(sent)
                        && inspector.counts(queueUrl).total() == 0);
        second.terminate();
        assertThat(second.awaitExit(deadline.plus(STOP_BOUND))).as("the second instance stopped").isTrue();

        long parked = service.parkedFiles();
        System.out.printf("GracefulShutdownTest (deadline %d ms): stop took %d ms; slow had %d at exit; left on the"
                        + " queue at exit: %d visible, %d hidden; sent=%d delivered fast=%d slow=%d duplicates"
                        + " fast=%d slow=%d parked=%d%n",
                deadline.toMillis(), stopTook.toMillis(), slowHadAtExit, leftAtExit.visible(), leftAtExit.hidden(),
                sent.size(), fast.distinct(), slow.distinct(), fast.duplicates(), slow.duplicates(), parked);
        assertThat(fast.distinct()).isEqualTo(sent.size());
        assertThat(slow.distinct()).isEqualTo(sent.size());
        assertThat(fast.duplicates()).as("notifications fast received twice").isZero();
        assertThat(slow.duplicates()).as("notifications slow received twice").isZero();
        assertThat(parked).as("files in the parking directory").isZero();
    }

    @Test
    void pastATinyDeadlineUnfinishedMessagesAreGivenBackVisibleAndTheNextInstanceDeliversThem() throws Exception {
        Duration deadline = Duration.ofMillis(100);
        service.with("shutdown.deadline-ms", Long.toString(deadline.toMillis()));
        // Much slower than the deadline: nothing slow holds can be finished in time.
        slow.answeringAfter(Duration.ofSeconds(3));
        NotificationStream stream = new NotificationStream();
        List<String> sent = stream.send(queues, queueUrl, 60);

        ServiceProcess first = service.start();
        await("every notification handed over, slow's first batches in flight").atMost(Duration.ofSeconds(60))
                .until(() -> fast.receivedAll(sent) && slow.requests() > 0);
        first.terminate();
        // Requests in flight at the deadline may still finish (docs/delivery.md); Camel waits for them at most its
        // shutdown timeout (camel.main.shutdownTimeout, 45 s). The tighter bound is the next test's.
        assertThat(first.awaitExit(deadline.plus(Duration.ofSeconds(45)).plus(STOP_BOUND)))
                .as("the service exited").isTrue();

        assertThat(first.exitStatus()).as("exit status").isEqualTo(ServiceProcess.ENDED_BY_SIGTERM);
        assertThat(first.log()).contains(
                sent.size() + " message(s) not finished by the shutdown deadline are given back to the queue",
                sent.size() + " of " + sent.size() + " message(s) given back are visible again at once")
                .doesNotContain("comes back after its visibility timeout");
        QueueInspector.Counts leftAtExit = inspector.counts(queueUrl);
        assertThat(leftAtExit.visible()).as("messages visible again right after the exit").isEqualTo(sent.size());
        assertThat(leftAtExit.hidden()).as("messages still hidden right after the exit").isZero();

        slow.answeringAfter(Duration.ZERO);
        ServiceProcess second = service.start();
        await("every notification at both realms, and the queue empty").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> fast.receivedAll(sent) && slow.receivedAll(sent)
                        && inspector.counts(queueUrl).total() == 0);
        second.terminate();
        assertThat(second.awaitExit(Duration.ofSeconds(30))).as("the second instance stopped").isTrue();

        long parked = service.parkedFiles();
        System.out.printf("GracefulShutdownTest (deadline %d ms): left on the queue at exit: %d visible, %d hidden;"
                        + " sent=%d delivered fast=%d slow=%d duplicates fast=%d slow=%d parked=%d%n",
                deadline.toMillis(), leftAtExit.visible(), leftAtExit.hidden(), sent.size(), fast.distinct(),
                slow.distinct(), fast.duplicates(), slow.duplicates(), parked);
        assertThat(fast.distinct()).isEqualTo(sent.size());
        assertThat(slow.distinct()).isEqualTo(sent.size());
        // Every given-back message was accepted by fast already, and nothing remembers that across instances.
        assertThat(fast.duplicates()).as("notifications fast received twice").isEqualTo(sent.size());
        assertThat(slow.duplicates()).as("notifications slow received twice").isLessThanOrEqualTo(sent.size());
        assertThat(parked).as("files in the parking directory").isZero();
    }

    @Test
    void pastItsDeadlineAStoppedServiceStartsNoNewRequestAndExitsPromptly() throws Exception {
        Duration deadline = Duration.ofMillis(100);
        service.with("shutdown.deadline-ms", Long.toString(deadline.toMillis()))
                .with("realm.slow.batch.max-events", "10");
        // Slow's two workers send a request of 10 each and wait 5 s for the answer; the rest waits in its queue.
        slow.answeringAfter(Duration.ofSeconds(5));
        NotificationStream stream = new NotificationStream();
        stream.send(queues, queueUrl, 100);
        int slowWorkers = 2;

        ServiceProcess first = service.start();
        await("half the notifications handed over, slow's first request in flight").atMost(Duration.ofSeconds(60))
                .until(() -> fast.distinct() >= 50 && slow.requests() > 0);
        long stopAsked = System.nanoTime();
        first.terminate();
        // The deadline passes at most 1.1 s after the SIGTERM (the poll in progress, then 100 ms), long before slow
        // answers anything: every request slow receives after its workers' first ones started past the deadline.
        boolean exited = first.awaitExit(deadline.plus(STOP_BOUND));
        Duration stopTook = Duration.ofNanos(System.nanoTime() - stopAsked);
        System.out.printf("GracefulShutdownTest (deadline %d ms): stop took %d ms (exited: %s); handed over %d;"
                        + " slow received %d in %d request(s)%n",
                deadline.toMillis(), stopTook.toMillis(), exited, fast.distinct(), slow.distinct(), slow.requests());

        assertThat(fast.distinct()).as("handed over: more than slow can have in flight")
                .isGreaterThan(slowWorkers * 10);
        assertThat(slow.requests()).as("requests slow received: only those in flight at the deadline")
                .isLessThanOrEqualTo(slowWorkers);
        assertThat(exited).as("the service exited within the deadline and %s", STOP_BOUND).isTrue();
        assertThat(first.exitStatus()).as("exit status").isEqualTo(ServiceProcess.ENDED_BY_SIGTERM);
        assertThat(service.parkedFiles()).as("files in the parking directory").isZero();
    }
}
