package io.pipelineevents.tests.crash;

import io.pipelineevents.tests.support.TestQueues;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** What a queue of the test SQS server holds, split into visible messages and those in flight (hidden). */
final class QueueInspector implements AutoCloseable {
    private final SqsClient client;

    QueueInspector(TestQueues queues) {
        client = SqsClient.builder()
                .endpointOverride(URI.create(queues.endpoint()))
                .region(Region.of(TestQueues.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(TestQueues.ACCESS_KEY, TestQueues.ACCESS_KEY)))
                .build();
    }

    /** Messages on the queue, neither deleted nor hidden by a receive. */
    Counts counts(String queueUrl) {
        Map<QueueAttributeName, String> attributes = client.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return new Counts(Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)),
                Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)));
    }

    /** @param visible messages a receive would return now; hidden: received and not yet deleted or given back */
    record Counts(int visible, int hidden) {
        int total() {
            return visible + hidden;
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
