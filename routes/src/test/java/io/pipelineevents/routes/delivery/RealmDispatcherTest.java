package io.pipelineevents.routes.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pipelineevents.mappings.event.IngestPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How a realm's worker gathers batches from its queue, and what its bounded queue does when full. */
class RealmDispatcherTest {
    private final List<List<BatchDelivery.Item>> batches = Collections.synchronizedList(new ArrayList<>());
    private RealmDispatcher dispatcher;

    @AfterEach
    void stop() throws InterruptedException {
        if (dispatcher != null) {
            dispatcher.drain(System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
        }
    }

    private RealmDispatcher start(BatchPolicy policy, java.util.function.Consumer<List<BatchDelivery.Item>> sink) {
        Realm realm = Realm.console(IngestPolicy.SANITIZE, policy);
        dispatcher = new RealmDispatcher(realm, sink, new SimpleMeterRegistry());
        return dispatcher;
    }

    private static RealmWork work(int events, int bytesEach) {
        List<EncodedEvent> encoded = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            encoded.add(new EncodedEvent("x".repeat(bytesEach).getBytes(StandardCharsets.UTF_8)));
        }
        return new RealmWork(null, "key", encoded, done -> { });
    }

    private static int events(List<BatchDelivery.Item> batch) {
        return batch.size();
    }

    @Test
    void aBatchHoldsAtMostMaxEventsAndTheRestGoesIntoTheNext() {
        RealmDispatcher realm = start(new BatchPolicy(10, 1_000_000, Duration.ofSeconds(5), 1536, 100, 1),
                batches::add);
        for (int i = 0; i < 25; i++) {
            assertThat(realm.offer(work(1, 10))).isTrue();
        }
        realm.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> batches.stream().mapToInt(b -> b.size()).sum() == 25);
        assertThat(batches).extracting(RealmDispatcherTest::events).containsExactly(10, 10, 5);
    }

    @Test
    void aBatchHoldsAtMostMaxBytes() {
        RealmDispatcher realm = start(new BatchPolicy(100, 1_000, Duration.ofMillis(50), 1536, 100, 1),
                batches::add);
        for (int i = 0; i < 6; i++) {
            realm.offer(work(1, 300));
        }
        realm.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> batches.stream().mapToInt(b -> b.size()).sum() == 6);
        // 3 x 301 bytes fit in 1000, a fourth would not.
        assertThat(batches).extracting(RealmDispatcherTest::events).containsExactly(3, 3);
    }

    @Test
    void theEventsOfOneNotificationMaySpanBatches() {
        RealmDispatcher realm = start(new BatchPolicy(4, 1_000_000, Duration.ofMillis(50), 1536, 100, 1),
                batches::add);
        realm.offer(work(3, 10));
        realm.offer(work(3, 10));
        realm.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> batches.stream().mapToInt(b -> b.size()).sum() == 6);
        assertThat(batches).extracting(RealmDispatcherTest::events).containsExactly(4, 2);
    }

    @Test
    void aLoneEventIsSentWhenTheLingerTimeIsOverWithoutWaitingForAFullBatch() {
        RealmDispatcher realm = start(new BatchPolicy(100, 1_000_000, Duration.ofMillis(100), 1536, 100, 1),
                batches::add);
        realm.start();

        realm.offer(work(1, 10));

        await().atMost(Duration.ofSeconds(5)).until(() -> batches.size() == 1);
        assertThat(batches.get(0)).hasSize(1);
    }

    @Test
    void aFullQueueRefusesWithoutWaitingAndTheBacklogCountsWhatIsHeld() {
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RealmDispatcher realm = start(new BatchPolicy(1, 1_000_000, Duration.ZERO, 1536, 2, 1), batch -> {
            busy.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            batches.add(batch);
        });
        realm.start();
        assertThat(realm.offer(work(1, 10))).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> busy.getCount() == 0);

        assertThat(realm.offer(work(1, 10))).isTrue();
        assertThat(realm.offer(work(1, 10))).isTrue();
        assertThat(realm.offer(work(1, 10))).as("the queue holds 2 while the worker is busy").isFalse();
        assertThat(realm.backlog()).isEqualTo(3);

        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> realm.backlog() == 0);
        assertThat(batches).hasSize(3);
    }

    @Test
    void drainingDeliversWhatIsQueuedThenRefusesNewWork() throws Exception {
        RealmDispatcher realm = start(new BatchPolicy(100, 1_000_000, Duration.ofMillis(10), 1536, 100, 1),
                batches::add);
        realm.offer(work(2, 10));
        realm.start();

        assertThat(realm.drain(System.nanoTime() + TimeUnit.SECONDS.toNanos(5))).isTrue();

        assertThat(batches.stream().mapToInt(b -> b.size()).sum()).isEqualTo(2);
        assertThat(realm.offer(work(1, 10))).isFalse();
    }
}
