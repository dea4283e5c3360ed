package io.pipelineevents.routes.parking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * One pass over a queue, as close to a peek as SQS allows. SQS cannot show a message without receiving it, so the
 * sweep receives until a receive brings nothing it has not seen, keeps everything it received hidden for
 * {@code hold} so that no message is returned twice meanwhile, and on {@link #close} makes everything it did not
 * delete visible again at once.
 *
 * <p>It sees what SQS returns: an approximation. Messages another consumer holds in flight are not seen, and on a
 * large queue a receive can come back with only messages already seen while others remain, which ends the sweep
 * early. If the process dies mid-sweep, the messages come back by themselves after {@code hold}.
 */
final class DeadLetterSweep implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterSweep.class);
    private static final int MAX_PER_CALL = 10;

    private final SqsClient sqs;
    private final String queueUrl;
    private final Duration hold;
    /** By message id, the latest receive: SQS acts only on the most recent receipt handle of a message. */
    private final Map<String, Message> held = new LinkedHashMap<>();

    DeadLetterSweep(SqsClient sqs, String queueUrl, Duration hold) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.hold = hold;
    }

    /** The next messages this sweep has not seen; empty once the queue has nothing new. */
    List<Message> next() {
        List<Message> received = receive();
        List<Message> fresh = new ArrayList<>();
        for (Message message : received) {
            if (held.put(message.messageId(), message) == null) {
                fresh.add(message);
            }
        }
        return fresh;
    }

    private List<Message> receive() {
        try {
            // A short long-poll: it asks every SQS server, where a wait of 0 samples only some and can come back
            // empty while messages are there.
            return sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                    .maxNumberOfMessages(MAX_PER_CALL)
                    .waitTimeSeconds(1)
                    .visibilityTimeout(Math.toIntExact(hold.toSeconds()))
                    .messageAttributeNames("All")
                    .messageSystemAttributeNames(MessageSystemAttributeName.SENT_TIMESTAMP))
                    .messages();
        } catch (SdkException e) {
            throw new ParkedStoreException("cannot receive from the dead-letter queue " + queueUrl + ": "
                    + e.getMessage(), e);
        }
    }

    /** Deletes a message received by this sweep. */
    void delete(Message message) {
        Message latest = held.getOrDefault(message.messageId(), message);
        try {
            sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(latest.receiptHandle()));
        } catch (SdkException e) {
            throw new ParkedStoreException("delivered, but cannot delete message " + message.messageId() + " from "
                    + queueUrl + " (it will be delivered again by the next replay): " + e.getMessage(), e);
        }
        held.remove(message.messageId());
    }

    /** Makes everything received and not deleted visible again. */
    @Override
    public void close() {
        List<Message> remaining = new ArrayList<>(held.values());
        held.clear();
        for (int from = 0; from < remaining.size(); from += MAX_PER_CALL) {
            release(remaining.subList(from, Math.min(from + MAX_PER_CALL, remaining.size())));
        }
    }

    private void release(List<Message> batch) {
        List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            entries.add(ChangeMessageVisibilityBatchRequestEntry.builder()
                    .id(Integer.toString(i))
                    .receiptHandle(batch.get(i).receiptHandle())
                    .visibilityTimeout(0)
                    .build());
        }
        try {
            ChangeMessageVisibilityBatchResponse response =
                    sqs.changeMessageVisibilityBatch(r -> r.queueUrl(queueUrl).entries(entries));
            response.failed().forEach(failure -> LOG.warn("Message {} on {} stays hidden until its visibility"
                    + " timeout ({} s) ends: {}", batch.get(Integer.parseInt(failure.id())).messageId(), queueUrl,
                    hold.toSeconds(), failure.message()));
        } catch (SdkException e) {
            // nothing is lost: the messages come back by themselves when the hold ends
            LOG.warn("{} messages on {} stay hidden until their visibility timeout ({} s) ends: {}", batch.size(),
                    queueUrl, hold.toSeconds(), e.getMessage());
        }
    }
}
