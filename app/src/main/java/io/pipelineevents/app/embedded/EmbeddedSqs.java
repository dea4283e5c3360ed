package io.pipelineevents.app.embedded;

import io.pipelineevents.app.StartupException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A real SQS server (ElasticMQ, in memory) for trying the service without AWS, and for the tests.
 */
public final class EmbeddedSqs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSqs.class);

    private final SQSRestServer server;
    private final int port;

    private EmbeddedSqs(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts on localhost; port 0 picks a free one. */
    public static EmbeddedSqs start(int port) throws StartupException {
        ensureFree(port);
        TheSQSRestServerBuilder builder = SQSRestServerBuilder.withInterface("localhost");
        SQSRestServer server = (port == 0 ? builder.withDynamicPort() : builder.withPort(port)).start();
        return new EmbeddedSqs(server, server.waitUntilStarted().localAddress().getPort());
    }

    /** ElasticMQ reports a taken port with a stack trace from its actor system; we say it in a sentence first. */
    private static void ensureFree(int port) throws StartupException {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new StartupException("the embedded SQS server cannot listen on localhost:" + port + " ("
                    + e.getMessage() + "). Is another pipeline-events running? Stop it, or choose another port with"
                    + " pipeline-events.embedded.port (env PIPELINE_EVENTS_EMBEDDED_PORT).", e);
        }
    }

    public int port() {
        return port;
    }

    public String endpoint() {
        return "http://localhost:" + port;
    }

    /**
     * Creates the queue and the dead-letter queue the service parks unprocessable messages in. The queue has no
     * redrive policy: a message a realm does not accept waits on it until the realm recovers.
     */
    public static String createQueues(SqsClient sqs, String queue, String deadLetterQueue) {
        sqs.createQueue(r -> r.queueName(deadLetterQueue));
        return sqs.createQueue(r -> r.queueName(queue)).queueUrl();
    }

    /**
     * Says how many messages die with the server: ElasticMQ keeps its queues in memory, so what was not delivered
     * by the stop (including messages given back at the shutdown deadline) does not come back with the next start.
     */
    public void warnOfMessagesLost(SqsClient sqs) {
        try {
            for (String queueUrl : sqs.listQueues().queueUrls()) {
                Map<QueueAttributeName, String> counts = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl)
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
                long left = counts.values().stream().mapToLong(Long::parseLong).sum();
                if (left > 0) {
                    LOG.warn("{} message(s) on the embedded queue {} are lost: it is held in memory and does not"
                            + " survive a stop. Use an SQS queue (pipeline-events.sqs.queue) where that matters.", left,
                            queueUrl.substring(queueUrl.lastIndexOf('/') + 1));
                }
            }
        } catch (SdkException e) {
            LOG.warn("Could not count the messages left on the embedded queue: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
