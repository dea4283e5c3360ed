package io.pipelineevents.benchmarks.endtoend;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Publishes notifications at a steady rate, as pipelines do when many run at once, and notes when each was
 * enqueued (just before its send call, so latency is never flattered). On a thread of its own; a send that runs
 * late is caught up by the next, so the average rate holds.
 */
final class SteadyFeed implements AutoCloseable {
    private static final long TICK_NANOS = 10_000_000;

    private final LocalQueue queue;
    private final String url;
    private final TaggedNotifications notifications;
    private final double perSecond;
    private final int count;
    private final AtomicLongArray enqueued;
    private final Thread thread;
    private volatile int sent;
    private volatile long startedAt;
    private volatile long finishedAt;
    private volatile Throwable failure;
    private volatile boolean stopped;

    SteadyFeed(LocalQueue queue, String url, TaggedNotifications notifications, double perSecond, int count) {
        this.queue = queue;
        this.url = url;
        this.notifications = notifications;
        this.perSecond = perSecond;
        this.count = count;
        this.enqueued = new AtomicLongArray(count);
        this.thread = new Thread(this::feed, "steady-feed");
        thread.setDaemon(true);
    }

    SteadyFeed start() {
        thread.start();
        return this;
    }

    private void feed() {
        try (SqsClient sqs = queue.client()) {
            startedAt = System.nanoTime();
            while (sent < count && !stopped) {
                long due = Math.min(count, (long) ((System.nanoTime() - startedAt) / 1e9 * perSecond) + 1);
                while (sent < due) {
                    int first = sent;
                    int size = (int) Math.min(10, due - first);
                    long now = System.nanoTime();
                    for (int n = first; n < first + size; n++) {
                        enqueued.set(n, now);
                    }
                    LocalQueue.sendBatch(sqs, url, notifications.bodies(first, size));
                    sent = first + size;
                }
                LockSupport.parkNanos(TICK_NANOS);
            }
            finishedAt = System.nanoTime();
        } catch (Throwable e) {
            failure = e;
        }
    }

    /** Notifications sent so far. */
    int sent() {
        return sent;
    }

    /** Nanotime notification {@code n} was enqueued at; 0 if not yet. */
    long enqueuedAt(int n) {
        return enqueued.get(n);
    }

    long startedAt() {
        return startedAt;
    }

    /** Waits until every notification is sent; the rate actually achieved, per second. */
    double awaitSent() throws InterruptedException {
        thread.join();
        if (failure != null) {
            throw new IllegalStateException("the feed failed", failure);
        }
        return count / ((finishedAt - startedAt) / 1e9);
    }

    @Override
    public void close() {
        stopped = true;
    }
}
