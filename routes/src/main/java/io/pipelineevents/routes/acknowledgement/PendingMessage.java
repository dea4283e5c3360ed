package io.pipelineevents.routes.acknowledgement;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One source message whose notification is on its way to the realms. It is acknowledged when the last realm it
 * was handed to reached a terminal state (accepted or parked), and given back to the queue, unacknowledged, when
 * any realm could not take it (its queue was full, or the service stopped first).
 *
 * <p>The count starts at one for the hand-over itself, so that a realm finishing before the others were even
 * handed the notification cannot acknowledge it early.
 */
public final class PendingMessage {
    private final String messageId;
    private final String receiptHandle;
    private final Acknowledger acknowledger;
    private final Consumer<Boolean> finishedListener;
    private final AtomicInteger outstanding = new AtomicInteger(1);
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile String givenBackBecause;
    private volatile Instant visibleAgainAt;
    private volatile boolean visibilityLost;

    public PendingMessage(String messageId, String receiptHandle, Instant visibleAgainAt, Acknowledger acknowledger,
            Consumer<Boolean> finishedListener) {
        this.finishedListener = finishedListener;
        this.messageId = messageId;
        this.receiptHandle = receiptHandle;
        this.visibleAgainAt = visibleAgainAt;
        this.acknowledger = acknowledger;
    }

    public String messageId() {
        return messageId;
    }

    String receiptHandle() {
        return receiptHandle;
    }

    Instant visibleAgainAt() {
        return visibleAgainAt;
    }

    void extendedUntil(Instant until) {
        visibleAgainAt = until;
    }

    /** Its receipt handle no longer works (SQS handed the message out again): it cannot be kept invisible. */
    void loseVisibility() {
        visibilityLost = true;
    }

    boolean visibilityLost() {
        return visibilityLost;
    }

    /** One more realm has the notification; it must {@link #settle()} or {@link #giveBack(String)} later. */
    public void expectRealm() {
        outstanding.incrementAndGet();
    }

    /** The hand-over to the realms is complete. */
    public void handedOver() {
        settle();
    }

    /** A realm reached a terminal state for this message: accepted or parked. */
    public void settle() {
        if (outstanding.decrementAndGet() == 0) {
            finish();
        }
    }

    /** A realm could not take the notification: the message must come back. */
    public void giveBack(String reason) {
        if (givenBackBecause == null) {
            givenBackBecause = reason;
        }
        settle();
    }

    /** The service stops before the realms finished: the message is given back now, whatever they do later. */
    void abandon(String reason) {
        givenBackBecause = reason;
        finish();
    }

    public boolean isFinished() {
        return finished.get();
    }

    private void finish() {
        if (finished.compareAndSet(false, true)) {
            if (givenBackBecause == null) {
                acknowledger.acknowledge(this);
            } else {
                acknowledger.giveBack(this, givenBackBecause);
            }
            finishedListener.accept(givenBackBecause == null);
        }
    }

    @Override
    public String toString() {
        return "SQS message " + messageId;
    }
}
