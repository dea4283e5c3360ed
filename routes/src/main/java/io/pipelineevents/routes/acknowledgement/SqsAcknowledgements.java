package io.pipelineevents.routes.acknowledgement;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.batchmanager.SqsAsyncBatchManager;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;

/**
 * Acknowledges source messages once their realms are done, and keeps the messages still being delivered invisible
 * on their queue meanwhile: a realm that retries for minutes must not make SQS hand the same message to another
 * consumer (a duplicate at every realm that already accepted it).
 *
 * <p>Deletes go through the SDK's {@link SqsAsyncBatchManager}: a realm's batch settles up to a hundred messages at
 * once, and one DeleteMessageBatch per ten of them instead of a call each cut the service's CPU per notification
 * and its SQS requests (BENCHMARKS.md). A delete waits at most {@link #DELETE_FLUSH} for others to join it.
 *
 * <p>Camel's own {@code extendMessageVisibility} cannot be used: it stops with the exchange, and the exchange
 * completes when the message is handed to the realms' queues, long before they are done (camel-notes.md).
 */
public final class SqsAcknowledgements implements Acknowledger, AutoCloseable {
    public static final String EXTENSIONS = "pipeline_events.visibility.extended";
    public static final String EXTENSION_FAILURES = "pipeline_events.visibility.extension_failures";
    public static final String ACKNOWLEDGE_FAILURES = "pipeline_events.acknowledgement.failures";
    public static final String PENDING = "pipeline_events.messages.pending";
    private static final Logger LOG = LoggerFactory.getLogger(SqsAcknowledgements.class);
    private static final int SQS_BATCH = 10;
    static final Duration DELETE_FLUSH = Duration.ofMillis(50);
    /** How long closing waits for deletes still under way: they are for messages every realm is done with. */
    private static final Duration DELETE_DRAIN = Duration.ofSeconds(10);
    private static final String RECEIPT_HANDLE_INVALID = "ReceiptHandleIsInvalid";

    private final SqsClient sqs;
    private final SqsAsyncBatchManager deletes;
    private final Set<CompletableFuture<?>> deletesUnderWay = ConcurrentHashMap.newKeySet();
    private final String queueUrl;
    private final Duration visibilityTimeout;
    private final Clock clock;
    private final Map<String, PendingMessage> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService keeper;
    private final ScheduledExecutorService deleteTimer;
    private final Counter extensions;
    private final Counter extensionFailures;
    private final Counter acknowledgeFailures;
    private final Duration keeperPeriod;
    private volatile boolean abandoning;

    /**
     * @param sqs for visibility changes, which must be done when the keeper asks
     * @param async for deletes, batched; closed with this
     */
    public SqsAcknowledgements(SqsClient sqs, SqsAsyncClient async, String queueUrl, Duration visibilityTimeout,
            MeterRegistry meters, Clock clock) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.visibilityTimeout = visibilityTimeout;
        this.clock = clock;
        this.extensions = Counter.builder(EXTENSIONS)
                .description("Visibility extensions of source messages whose realms are still delivering")
                .register(meters);
        this.extensionFailures = Counter.builder(EXTENSION_FAILURES)
                .description("Visibility extensions that failed: the message may be delivered again meanwhile")
                .register(meters);
        this.acknowledgeFailures = Counter.builder(ACKNOWLEDGE_FAILURES)
                .description("Source messages that could not be deleted after delivery: they come back")
                .register(meters);
        Gauge.builder(PENDING, pending, Map::size)
                .description("Source messages handed to realms and not yet acknowledged").register(meters);
        this.keeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "visibility-keeper");
            thread.setDaemon(true);
            return thread;
        });
        // Its own timer thread: a keeper round of slow visibility calls must not hold deletes back.
        this.deleteTimer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "delete-batcher");
            thread.setDaemon(true);
            return thread;
        });
        this.deletes = SqsAsyncBatchManager.builder().client(async).scheduledExecutor(deleteTimer)
                .overrideConfiguration(batching -> batching.maxBatchSize(SQS_BATCH).sendRequestFrequency(DELETE_FLUSH))
                .build();
        // A message is extended once less than half a timeout is left; rounds a quarter of a timeout apart (at
        // least 250 ms) leave a quarter of it to spare. A floor of one second made timeouts of 1-2 s lapse between
        // two rounds, and SQS handed the message out again.
        this.keeperPeriod = Duration.ofMillis(Math.max(250, visibilityTimeout.toMillis() / 4));
        keeper.scheduleWithFixedDelay(this::extendDueMessages, keeperPeriod.toMillis(), keeperPeriod.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Starts tracking a message just received and handed to realms.
     *
     * @param finished told once whether the message was acknowledged (true) or given back (false)
     */
    public PendingMessage track(String messageId, String receiptHandle, Consumer<Boolean> finished) {
        // SQS hid the message when it handed it out, some time before it got here (a cold start, the messages
        // before it in the same receive): counted as up to one keeper round, so that its first extension is not late.
        PendingMessage message = new PendingMessage(messageId, receiptHandle,
                clock.instant().plus(visibilityTimeout).minus(keeperPeriod), this, finished);
        pending.put(receiptHandle, message);
        return message;
    }

    /** Deletes a message that needs no delivery (a control message, one no rule maps, one moved aside). */
    public void acknowledgeNow(String messageId, String receiptHandle) {
        delete(messageId, receiptHandle);
    }

    /** How many messages are handed to realms and not yet acknowledged or given back. */
    public int pendingCount() {
        return pending.size();
    }

    @Override
    public void acknowledge(PendingMessage message) {
        pending.remove(message.receiptHandle());
        delete(message.messageId(), message.receiptHandle());
    }

    private void delete(String messageId, String receiptHandle) {
        CompletableFuture<?> deleted = requestDelete(receiptHandle);
        deletesUnderWay.add(deleted);
        deleted.whenComplete((ok, failure) -> {
            deletesUnderWay.remove(deleted);
            if (failure != null) {
                acknowledgeFailures.increment();
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                LOG.warn("SQS message {} is done with but could not be deleted from its queue ({}); it will come back"
                        + " and realms that accepted it will skip it", messageId, cause.getMessage());
            }
        });
    }

    private CompletableFuture<?> requestDelete(String receiptHandle) {
        try {
            return deletes.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(receiptHandle));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void giveBack(PendingMessage message, String reason) {
        pending.remove(message.receiptHandle());
        if (abandoning) {
            // abandonAll makes it visible at once and sums up; one line per message would say the opposite.
            LOG.debug("{} not acknowledged: {}", message, reason);
            return;
        }
        LOG.warn("{} not acknowledged: {}. It comes back after its visibility timeout.", message, reason);
    }

    /**
     * Gives back every message still pending, visible again at once so that another instance can take it: the
     * service is stopping and its realms did not finish in time.
     */
    public void abandonAll(String reason) {
        abandoning = true;
        List<PendingMessage> left = new ArrayList<>(pending.values());
        for (PendingMessage message : left) {
            message.abandon(reason);
        }
        if (left.isEmpty()) {
            return;
        }
        int visible = changeVisibility(left, Duration.ZERO).size();
        LOG.info("{} of {} message(s) given back are visible again at once{}", visible, left.size(),
                visible == left.size() ? "" : "; the others come back after their visibility timeout");
    }

    private void extendDueMessages() {
        try {
            Instant due = clock.instant().plus(visibilityTimeout.dividedBy(2));
            List<PendingMessage> toExtend = pending.values().stream()
                    .filter(message -> !message.isFinished() && !message.visibilityLost()
                            && message.visibleAgainAt().isBefore(due))
                    .toList();
            Instant until = clock.instant().plus(visibilityTimeout);
            for (PendingMessage message : changeVisibility(toExtend, visibilityTimeout)) {
                message.extendedUntil(until);
            }
        } catch (RuntimeException e) {
            // The keeper must keep running; a failure here is one missed round, counted like any other.
            extensionFailures.increment();
            LOG.warn("Could not extend the visibility of pending messages: {}", e.getMessage());
        }
    }

    /** Changes the visibility of messages, ten per request; returns those that were changed. */
    private List<PendingMessage> changeVisibility(List<PendingMessage> messages, Duration visibility) {
        List<PendingMessage> changed = new ArrayList<>();
        for (int from = 0; from < messages.size(); from += SQS_BATCH) {
            List<PendingMessage> batch = messages.subList(from, Math.min(messages.size(), from + SQS_BATCH));
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(i))
                        .receiptHandle(batch.get(i).receiptHandle())
                        .visibilityTimeout((int) visibility.toSeconds()).build());
            }
            try {
                ChangeMessageVisibilityBatchResponse response = sqs.changeMessageVisibilityBatch(
                        request -> request.queueUrl(queueUrl).entries(entries));
                for (BatchResultErrorEntry failed : response.failed()) {
                    PendingMessage message = batch.get(Integer.parseInt(failed.id()));
                    if (!visibility.isZero() && message.isFinished()) {
                        // Acknowledged (deleted) or given back after it was picked for extension: nothing to keep.
                        LOG.debug("{} finished before its visibility was extended: {}", message, failed.code());
                        continue;
                    }
                    extensionFailures.increment();
                    if (RECEIPT_HANDLE_INVALID.equals(failed.code())) {
                        // SQS handed the message out again: this handle will never work again, so it is not tried
                        // again every round. The realms finish it anyway; the other copy may become a duplicate.
                        message.loseVisibility();
                    }
                    LOG.warn("Could not change the visibility of {}: {} {}", message, failed.code(), failed.message());
                }
                response.successful().forEach(ok -> changed.add(batch.get(Integer.parseInt(ok.id()))));
                if (!visibility.isZero()) {
                    extensions.increment(response.successful().size());
                }
            } catch (RuntimeException e) {
                extensionFailures.increment(batch.size());
                LOG.warn("Could not change the visibility of {} pending message(s): {}", batch.size(), e.getMessage());
            }
        }
        return changed;
    }

    /** Waits for the deletes under way (up to ten seconds), then stops the keeper and the batching. */
    @Override
    public void close() {
        List<CompletableFuture<?>> left = List.copyOf(deletesUnderWay);
        try {
            CompletableFuture.allOf(left.toArray(CompletableFuture[]::new))
                    .get(DELETE_DRAIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // Each failure was logged and counted where it happened.
        } catch (TimeoutException e) {
            LOG.warn("{} delete(s) of finished messages still under way after {} s: those messages come back and"
                    + " realms skip them", deletesUnderWay.size(), DELETE_DRAIN.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deletes.close();
        deleteTimer.shutdownNow();
        keeper.shutdownNow();
    }
}
