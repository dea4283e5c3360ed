package io.pipelineevents.routes.acknowledgement;

/** What happens to a source message once its fate is decided. */
public interface Acknowledger {

    /** Every realm accepted or parked the notification: the message is deleted from its queue. */
    void acknowledge(PendingMessage message);

    /** A realm could not take it: the message is left for the queue to deliver again. */
    void giveBack(PendingMessage message, String reason);
}
