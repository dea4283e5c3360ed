package io.pipelineevents.tests.support;

import io.pipelineevents.app.StartupException;
import io.pipelineevents.app.embedded.EmbeddedSqs;
import io.pipelineevents.routes.parking.ParkedItem;
import io.pipelineevents.routes.parking.SqsParkingPlace;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** A real SQS server (ElasticMQ) on a free port, with a client to create, fill and inspect queues. */
public final class TestQueues implements AutoCloseable {
    public static final String ACCESS_KEY = "test";
    public static final String REGION = "us-east-1";

    private final EmbeddedSqs server;
    private final SqsClient client;

    public TestQueues() {
        try {
            server = EmbeddedSqs.start(0);
        } catch (StartupException e) {
            throw new IllegalStateException(e);
        }
        client = SqsClient.builder()
                .endpointOverride(URI.create(server.endpoint()))
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, ACCESS_KEY)))
                .build();
    }

    public String endpoint() {
        return server.endpoint();
    }

    /** A fresh queue with a unique name, so that tests never see each other's messages. */
    public String createQueue(String prefix) {
        return client.createQueue(r -> r.queueName(prefix + "-" + UUID.randomUUID().toString().substring(0, 8)))
                .queueUrl();
    }

    /** A fresh queue whose redrive policy moves a message to {@code deadLetterUrl} after maxReceiveCount receives. */
    public String createQueueWithRedrive(String prefix, String deadLetterUrl, int maxReceiveCount) {
        String arn = client.getQueueAttributes(r -> r.queueUrl(deadLetterUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String policy = "{\"deadLetterTargetArn\":\"" + arn + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}";
        return client.createQueue(r -> r.queueName(prefix + "-" + UUID.randomUUID().toString().substring(0, 8))
                .attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, policy))).queueUrl();
    }

    public String send(String queueUrl, String body) {
        return client.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body)).messageId();
    }

    /** Visible plus in-flight messages: zero means every message was deleted. */
    public int messagesOn(String queueUrl) {
        Map<QueueAttributeName, String> attributes = client.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    /** Receives (and so hides for a while) what is on a queue, with all attributes. */
    public List<Message> receive(String queueUrl) {
        return client.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                .messageAttributeNames("All").messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
    }

    /**
     * What is parked on a dead-letter queue, read as {@code pipeline-events parked list} reads it: the messages are
     * received and made visible again at once.
     */
    public List<ParkedItem> parkedOn(String deadLetterUrl) {
        return new SqsParkingPlace(client, deadLetterUrl).list(Optional.empty());
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
