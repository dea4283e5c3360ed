package io.pipelineevents.routes.envelope;

/**
 * An SNS SubscriptionConfirmation or UnsubscribeConfirmation. These reach a queue for cross-account
 * subscriptions; they carry no notification for any realm, so they are logged with what to do and acknowledged.
 */
public record SnsControlMessage(String type, String topicArn, String subscribeUrl) implements QueueMessage {
}
