package io.pipelineevents.benchmarks.endtoend;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The ceiling: how fast {@code consumers} threads can empty the queue when they do nothing with a message but take
 * it (ten per receive, as the service does) and delete it (ten per call, the cheapest way SQS offers).
 */
final class RawDrain {
    private RawDrain() {
    }

    /** Drains {@code expected} messages; the rate from the first receive to the last delete, messages per second. */
    static double messagesPerSecond(LocalQueue queue, String url, int expected, int consumers) throws Exception {
        AtomicLong taken = new AtomicLong();
        AtomicLong first = new AtomicLong(Long.MAX_VALUE);
        AtomicLong last = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(consumers);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < consumers; c++) {
                workers.add(pool.submit(() -> {
                    try (SqsClient sqs = queue.client()) {
                        while (taken.get() < expected) {
                            long start = System.nanoTime();
                            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(url)
                                    .maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
                            if (messages.isEmpty()) {
                                continue;
                            }
                            first.accumulateAndGet(start, Math::min);
                            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(messages.size());
                            for (Message message : messages) {
                                entries.add(DeleteMessageBatchRequestEntry.builder().id(message.messageId())
                                        .receiptHandle(message.receiptHandle()).build());
                            }
                            sqs.deleteMessageBatch(r -> r.queueUrl(url).entries(entries));
                            taken.addAndGet(messages.size());
                            last.accumulateAndGet(System.nanoTime(), Math::max);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return taken.get() / ((last.get() - first.get()) / 1e9);
    }
}
