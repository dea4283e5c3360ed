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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;

/**
 * Acknowledges source messages one by one once their realms are done, and keeps the messages still being
 * delivered invisible on their queue meanwhile: a realm that retries for minutes must not make SQS hand the same
 * message to another consumer (a duplicate at every realm that already accepted it).
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

    private final SqsClient sqs;
    private final String queueUrl;
    private final Duration visibilityTimeout;
    private final Clock clock;
    private final Map<String, PendingMessage> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService keeper;
    private final Counter extensions;
    private final Counter extensionFailures;
    private final Counter acknowledgeFailures;

    public SqsAcknowledgements(SqsClient sqs, String queueUrl, Duration visibilityTimeout, MeterRegistry meters,
            Clock clock) {
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
        long period = Math.max(1000, visibilityTimeout.toMillis() / 3);
        keeper.scheduleWithFixedDelay(this::extendDueMessages, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts tracking a message just received and handed to realms.
     *
     * @param finished told once whether the message was acknowledged (true) or given back (false)
     */
    public PendingMessage track(String messageId, String receiptHandle, Consumer<Boolean> finished) {
        PendingMessage message = new PendingMessage(messageId, receiptHandle, clock.instant().plus(visibilityTimeout),
                this, finished);
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
        try {
            sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(receiptHandle));
        } catch (RuntimeException e) {
            acknowledgeFailures.increment();
            LOG.warn("SQS message {} is done with but could not be deleted from its queue ({}); it will come back"
                    + " and realms that accepted it will skip it", messageId, e.getMessage());
        }
    }

    @Override
    public void giveBack(PendingMessage message, String reason) {
        pending.remove(message.receiptHandle());
        LOG.warn("{} not acknowledged: {}. It comes back after its visibility timeout.", message, reason);
    }

    /**
     * Gives back every message still pending, visible again at once so that another instance can take it: the
     * service is stopping and its realms did not finish in time.
     */
    public void abandonAll(String reason) {
        List<PendingMessage> left = new ArrayList<>(pending.values());
        for (PendingMessage message : left) {
            message.abandon(reason);
        }
        changeVisibility(left, Duration.ZERO);
    }

    private void extendDueMessages() {
        try {
            Instant due = clock.instant().plus(visibilityTimeout.dividedBy(2));
            List<PendingMessage> toExtend = pending.values().stream()
                    .filter(message -> !message.isFinished() && message.visibleAgainAt().isBefore(due))
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
                    extensionFailures.increment();
                    LOG.warn("Could not change the visibility of {}: {} {}", batch.get(Integer.parseInt(failed.id())),
                            failed.code(), failed.message());
                }
                response.successful().forEach(ok -> changed.add(batch.get(Integer.parseInt(ok.id()))));
                extensions.increment(response.successful().size());
            } catch (RuntimeException e) {
                extensionFailures.increment(batch.size());
                LOG.warn("Could not change the visibility of {} pending message(s): {}", batch.size(), e.getMessage());
            }
        }
        return changed;
    }

    @Override
    public void close() {
        keeper.shutdownNow();
    }
}
