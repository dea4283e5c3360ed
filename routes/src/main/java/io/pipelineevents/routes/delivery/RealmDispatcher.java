package io.pipelineevents.routes.delivery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A realm's bulkhead: its own bounded queue of notifications and its own workers, each of which gathers a batch
 * (up to the policy's events and bytes, waiting at most its linger time after the first event) and delivers it.
 * A realm that is slow or down fills only its own queue; once full, it gives new notifications back to the source
 * queue instead of making the source, and so every other realm, wait.
 *
 * <p>Camel's aggregator would batch, but its output is completed on a timer thread with asynchronous redelivery,
 * which gives neither back-pressure per realm nor a terminal outcome per batch to acknowledge source messages by
 * (camel-notes.md); the loop below is the smallest thing that gives both.
 */
final class RealmDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(RealmDispatcher.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(100);

    private final Realm realm;
    private final BatchPolicy policy;
    private final Consumer<List<BatchDelivery.Item>> delivery;
    private final BlockingQueue<RealmWork> queue;
    private final AtomicInteger backlogEvents = new AtomicInteger();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean accepting = true;
    private volatile boolean running = true;
    /** Past the shutdown deadline: no new batch is started, whatever is left. */
    private volatile boolean stopped;

    /** @param delivery brings a batch to a terminal state (see {@link BatchDelivery}) before it returns */
    RealmDispatcher(Realm realm, Consumer<List<BatchDelivery.Item>> delivery,
            MeterRegistry meters) {
        this.realm = realm;
        this.policy = realm.batch();
        this.delivery = delivery;
        this.queue = new ArrayBlockingQueue<>(policy.queueCapacity());
        Gauge.builder(DeliveryMetrics.BACKLOG, backlogEvents, AtomicInteger::get).tag("realm", realm.name())
                .description("Events waiting for a realm or in its requests in flight").register(meters);
    }

    void start() {
        for (int i = 1; i <= policy.workers(); i++) {
            Thread worker = new Thread(this::work, "realm-" + realm.name() + "-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /** Takes a notification's events without waiting; false when the realm's queue is full or it is stopping. */
    boolean offer(RealmWork work) {
        if (!accepting || !queue.offer(work)) {
            return false;
        }
        backlogEvents.addAndGet(work.events().size());
        return true;
    }

    /** Events queued or in requests in flight. */
    int backlog() {
        return backlogEvents.get();
    }

    /**
     * Stops taking notifications and lets the workers deliver what is queued until the deadline. Whatever is
     * left after it is not acknowledged: the caller gives those messages back.
     */
    boolean drain(long deadlineNanos) throws InterruptedException {
        accepting = false;
        running = false;
        for (Thread worker : workers) {
            long left = deadlineNanos - System.nanoTime();
            if (left > 0) {
                worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
        boolean done = workers.stream().noneMatch(Thread::isAlive);
        if (!done) {
            stopped = true;
            LOG.warn("Realm {} did not finish within the shutdown deadline: {} event(s) left undelivered", realm.name(),
                    backlog());
        }
        return done;
    }

    private void work() {
        Deque<BatchDelivery.Item> carried = new ArrayDeque<>();
        while (!stopped && (running || !queue.isEmpty() || !carried.isEmpty())) {
            try {
                List<BatchDelivery.Item> batch = gather(carried);
                if (!batch.isEmpty()) {
                    try {
                        delivery.accept(batch);
                    } catch (RuntimeException e) {
                        // Its messages must come back now, not stay pending (and kept invisible) for ever.
                        batch.forEach(item -> item.work().giveBack("realm " + realm.name()
                                + " failed unexpectedly while delivering it: " + e));
                        throw e;
                    } finally {
                        backlogEvents.addAndGet(-batch.size());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // A worker must survive anything a batch does; the batch's messages come back through their queue.
                LOG.error("Realm {}: unexpected failure while delivering a batch", realm.name(), e);
            }
        }
    }

    /**
     * Gathers the next batch: events carried over from the last notification that did not fit, then notifications
     * from the queue until the batch is full or its linger time after the first event has passed.
     */
    private List<BatchDelivery.Item> gather(Deque<BatchDelivery.Item> carried) throws InterruptedException {
        List<BatchDelivery.Item> batch = new ArrayList<>();
        int[] bytes = {0};
        if (carried.isEmpty()) {
            RealmWork first = queue.poll(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
            if (first == null) {
                return batch;
            }
            first.events().forEach(event -> carried.add(new BatchDelivery.Item(first, event)));
        }
        long lingerEnds = System.nanoTime() + policy.linger().toNanos();
        while (true) {
            while (!carried.isEmpty() && fits(batch, bytes[0], carried.peekFirst())) {
                BatchDelivery.Item item = carried.pollFirst();
                batch.add(item);
                bytes[0] += item.event().json().length + 1;
            }
            if (!carried.isEmpty() || batch.size() >= policy.maxEvents()) {
                return batch;
            }
            long wait = lingerEnds - System.nanoTime();
            RealmWork next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
            if (next == null) {
                return batch;
            }
            next.events().forEach(event -> carried.add(new BatchDelivery.Item(next, event)));
        }
    }

    /** One event always fits an empty batch, however large: ingest decides (413) and the batch is parked. */
    private boolean fits(List<BatchDelivery.Item> batch, int bytes, BatchDelivery.Item item) {
        return batch.isEmpty()
                || (batch.size() < policy.maxEvents() && bytes + item.event().json().length + 1 <= policy.maxBytes());
    }
}
