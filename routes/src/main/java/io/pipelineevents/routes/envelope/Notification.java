package io.pipelineevents.routes.envelope;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A notification with its transport envelope removed.
 *
 * @param payload   the notification as its producer wrote it (EventBridge event, CodeStar notification, ...)
 * @param envelope  how it arrived: {@code sns} or {@code raw}
 * @param messageId the SNS MessageId when it came in an SNS envelope, else null
 */
public record Notification(JsonNode payload, String envelope, String messageId) implements QueueMessage {
}
