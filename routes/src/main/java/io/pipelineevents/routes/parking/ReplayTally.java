package io.pipelineevents.routes.parking;

import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts one replay's outcomes, and turns an exception from the caller's delivery into "not delivered": one set of
 * events that cannot be sent must not stop the others from being offered.
 */
final class ReplayTally {
    private static final Logger LOG = LoggerFactory.getLogger(ReplayTally.class);

    private final Predicate<ParkedEvents> deliver;
    private int replayed;
    private int failed;
    private int skipped;

    ReplayTally(Predicate<ParkedEvents> deliver) {
        this.deliver = deliver;
    }

    /** Offers the events of one item; true when they were delivered and the item should be removed. */
    boolean offer(String id, ParkedEvents parked) {
        boolean delivered;
        try {
            delivered = deliver.test(parked);
        } catch (RuntimeException e) {
            LOG.warn("Replaying {} for realm {} failed, it stays parked: {}", id, parked.realm(), e.toString());
            delivered = false;
        }
        if (!delivered) {
            failed++;
        }
        return delivered;
    }

    /** Counted once the delivered item is removed, so that the report never claims more than was cleared. */
    void removed() {
        replayed++;
    }

    void skip() {
        skipped++;
    }

    ReplayReport report() {
        return new ReplayReport(replayed, failed, skipped);
    }
}
