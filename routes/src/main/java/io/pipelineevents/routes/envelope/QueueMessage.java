package io.pipelineevents.routes.envelope;

/** What a queue message body turned out to be once its envelope was read. */
public sealed interface QueueMessage permits Notification, SnsControlMessage {
}
