package io.pipelineevents.app.embedded;

import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A real SQS server (ElasticMQ, in memory) for trying the service without AWS. The source queue gets a redrive
 * policy towards the dead-letter queue, as a production queue should have.
 */
public final class EmbeddedSqs implements AutoCloseable {
    private final SQSRestServer server;
    private final int port;

    private EmbeddedSqs(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts on localhost; port 0 picks a free one. */
    public static EmbeddedSqs start(int port) {
        TheSQSRestServerBuilder builder = SQSRestServerBuilder.withInterface("localhost");
        SQSRestServer server = (port == 0 ? builder.withDynamicPort() : builder.withPort(port)).start();
        int bound = server.waitUntilStarted().localAddress().getPort();
        return new EmbeddedSqs(server, bound);
    }

    public int port() {
        return port;
    }

    public String endpoint() {
        return "http://localhost:" + port;
    }

    /** Creates the queue and its dead-letter queue; a message moves there after {@code maxReceiveCount} receives. */
    public static String createQueues(SqsClient sqs, String queue, String deadLetterQueue, int maxReceiveCount) {
        String dlqUrl = sqs.createQueue(r -> r.queueName(deadLetterQueue)).queueUrl();
        String dlqArn = sqs.getQueueAttributes(r -> r.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String redrive = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}";
        return sqs.createQueue(r -> r.queueName(queue)
                .attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, redrive))).queueUrl();
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
