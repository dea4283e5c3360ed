package io.pipelineevents.routes.delivery;

import io.pipelineevents.routes.acknowledgement.PendingMessage;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events of one notification for one realm, waiting in the realm's queue or in one of its batches. Batches may
 * be split (a 413), so the events of one notification can end in different requests; the notification is settled
 * for the realm once all of its events are accepted or parked.
 */
final class RealmWork {
    private static final Logger LOG = LoggerFactory.getLogger(RealmWork.class);
    private final PendingMessage source;
    private final String deliveryKey;
    private final List<EncodedEvent> events;
    private final AtomicInteger unsettled;
    private final Consumer<RealmWork> onSettled;
    /** Settled or given back: whichever comes first is the realm's one word on the message. */
    private final AtomicBoolean finished = new AtomicBoolean();

    RealmWork(PendingMessage source, String deliveryKey, List<EncodedEvent> events, Consumer<RealmWork> onSettled) {
        this.source = source;
        this.deliveryKey = deliveryKey;
        this.events = List.copyOf(events);
        this.unsettled = new AtomicInteger(this.events.size());
        this.onSettled = onSettled;
    }

    PendingMessage source() {
        return source;
    }

    String deliveryKey() {
        return deliveryKey;
    }

    List<EncodedEvent> events() {
        return events;
    }

    /** Some of its events reached a terminal state (accepted or parked). */
    void settled(int eventCount) {
        if (unsettled.addAndGet(-eventCount) == 0 && finished.compareAndSet(false, true)) {
            try {
                onSettled.accept(this);
            } catch (RuntimeException e) {
                // Remembering the key is what failed (the dedupe store is down): the realm is done all the same;
                // the worst outcome is a duplicate if the notification comes again.
                LOG.warn("Could not remember {} as done: {}", deliveryKey, e.getMessage());
            }
            source.settle();
        }
    }

    /**
     * The realm cannot finish this notification now: its message must come back. Once per realm: its events may be
     * in several batches that each fail, and each give-back would otherwise count as another realm being done; and
     * not after it was settled, which counted already.
     */
    void giveBack(String reason) {
        if (finished.compareAndSet(false, true)) {
            source.giveBack(reason);
        }
    }
}
