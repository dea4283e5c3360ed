package io.pipelineevents.routes.delivery;

/**
 * The key a realm remembers a delivered notification by, so that the same notification is not sent to it twice:
 * the mapping's {@code dedupe-key} when its rule has one (the user knows best what makes two notifications the same),
 * else SNS's MessageId when it came in an envelope (SNS redelivers with the same id), else the EventBridge event's
 * {@code id}, else the SQS message id (which a message keeps when SQS delivers it again). Set by the source as an
 * exchange property.
 */
public final class DeliveryKey {
    public static final String PROPERTY = "pipelineEventsDeliveryKey";

    private DeliveryKey() {
    }

    public static String fromMapping(String dedupeKey) {
        return "mapping:" + dedupeKey;
    }

    public static String of(String snsMessageId, String eventId, String sqsMessageId) {
        if (snsMessageId != null && !snsMessageId.isBlank()) {
            return "sns:" + snsMessageId;
        }
        if (eventId != null && !eventId.isBlank()) {
            return "event:" + eventId;
        }
        return "sqs:" + sqsMessageId;
    }
}
