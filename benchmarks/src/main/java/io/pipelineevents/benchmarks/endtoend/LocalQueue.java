package io.pipelineevents.benchmarks.endtoend;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The SQS server every scenario reads from: ElasticMQ in this JVM, on a free loopback port, the same server the
 * embedded default and the tests use. Each scenario gets a queue of its own, so nothing of one run leaks into the next.
 */
final class LocalQueue implements AutoCloseable {
    static final String REGION = "us-east-1";
    static final String KEY = "benchmark";

    private final SQSRestServer server;
    private final String endpoint;
    private final SqsClient sqs;
    private int queues;

    LocalQueue() {
        server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        endpoint = "http://127.0.0.1:" + server.waitUntilStarted().localAddress().getPort();
        sqs = client();
    }

    String endpoint() {
        return endpoint;
    }

    /** A client of its own, for a thread that should not share a connection pool with the harness. */
    SqsClient client() {
        return SqsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, KEY))).build();
    }

    /** A new, empty queue; its visibility timeout is the one the service gets (it sets none itself here). */
    String createQueue(String purpose, int visibilityTimeoutSeconds) {
        String name = "bench-" + (++queues) + "-" + purpose;
        return sqs.createQueue(r -> r.queueName(name).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT,
                Integer.toString(visibilityTimeoutSeconds)))).queueUrl();
    }

    void deleteQueue(String url) {
        sqs.deleteQueue(r -> r.queueUrl(url));
    }

    /** Sends every body, ten per call, on a few threads: how a backlog builds up while nobody reads. */
    void preload(String url, List<String> bodies) throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    try (SqsClient own = client()) {
                        for (int start = first * 10; start < bodies.size(); start += threads * 10) {
                            sendBatch(own, url, bodies.subList(start, Math.min(start + 10, bodies.size())));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static void sendBatch(SqsClient client, String url, List<String> bodies) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(bodies.get(i))
                    .build());
        }
        var result = client.sendMessageBatch(r -> r.queueUrl(url).entries(entries));
        if (!result.failed().isEmpty()) {
            throw new IllegalStateException("the queue refused " + result.failed());
        }
    }

    /** Messages on the queue, visible or received and not yet deleted. */
    long depth(String url) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return attributes.values().stream().mapToLong(Long::parseLong).sum();
    }

    @Override
    public void close() {
        sqs.close();
        server.stopAndWait();
    }
}
