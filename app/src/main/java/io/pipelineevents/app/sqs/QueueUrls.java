package io.pipelineevents.app.sqs;

import io.pipelineevents.app.StartupException;
import io.pipelineevents.routes.source.QueueRef;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import java.time.Duration;
import java.util.Optional;

/**
 * Resolves a queue to its URL, which also proves at start-up that it exists and that we may use it: a missing
 * queue would otherwise only show as a log line per poll.
 */
public final class QueueUrls {
    private QueueUrls() {
    }

    public static String resolve(SqsClient sqs, QueueRef queue, String role) throws QueueUnavailableException {
        if (queue.url().isPresent()) {
            String url = queue.url().get().toString();
            try {
                sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNamesWithStrings("QueueArn"));
                return url;
            } catch (SdkException e) {
                throw new QueueUnavailableException(role + " queue " + url + " cannot be used: " + e.getMessage(), e);
            }
        }
        try {
            return sqs.getQueueUrl(r -> r.queueName(queue.name())).queueUrl();
        } catch (SdkException e) {
            throw new QueueUnavailableException(role + " queue '" + queue.name() + "' cannot be used: "
                    + e.getMessage(), e);
        }
    }

    /**
     * How long a received message stays invisible: the setting when given, else the queue's own attribute. The
     * service keeps messages that realms are still delivering invisible by extending them before this runs out.
     */
    public static Duration visibilityTimeout(SqsClient sqs, String queueUrl, Optional<Integer> configuredSeconds)
            throws QueueUnavailableException {
        if (configuredSeconds.isPresent()) {
            return Duration.ofSeconds(configuredSeconds.get());
        }
        try {
            String seconds = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl)
                    .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT)).attributes()
                    .get(QueueAttributeName.VISIBILITY_TIMEOUT);
            return Duration.ofSeconds(seconds == null ? 30 : Long.parseLong(seconds));
        } catch (SdkException e) {
            throw new QueueUnavailableException("source queue " + queueUrl + " cannot be used: " + e.getMessage(), e);
        }
    }

    /** The queue is missing, unreachable or forbidden. */
    public static final class QueueUnavailableException extends StartupException {
        public QueueUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
