package io.pipelineevents.routes.source;

import io.pipelineevents.routes.envelope.BodyFormat;
import java.util.Optional;

/**
 * The validated settings of the SQS source. Defaults and meanings are documented in docs/configuration.md, next to
 * the property names.
 */
public record SqsSource(
        QueueRef queue,
        Optional<QueueRef> deadLetterQueue,
        BodyFormat bodyFormat,
        int consumers,
        int maxMessagesPerPoll,
        int waitTimeSeconds,
        Optional<Integer> visibilityTimeoutSeconds) {

    /** The registry name of the one SqsClient every aws2-sqs endpoint uses. */
    public static final String CLIENT_BEAN = "sqsClient";

    String consumerUri() {
        StringBuilder options = new StringBuilder()
                .append("deleteAfterRead=false")
                .append("&greedy=true")
                .append("&concurrentConsumers=").append(consumers)
                .append("&maxMessagesPerPoll=").append(maxMessagesPerPoll)
                .append("&waitTimeSeconds=").append(waitTimeSeconds)
                .append("&attributeNames=All&messageAttributeNames=All");
        visibilityTimeoutSeconds.ifPresent(v -> options.append("&visibilityTimeout=").append(v));
        return queue.endpointUri(options.toString());
    }
}
