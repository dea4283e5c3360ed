package io.pipelineevents.routes.parking;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The reading side of a parking place, for the operator's {@code parked list} and {@code replay}: what is parked,
 * and sending parked events again. Both calls go through the whole store each time; neither is meant for the
 * service's hot path.
 */
public interface ParkedStore extends ParkingPlace {

    /**
     * Every parked item, oldest first, consuming nothing. With a realm, only the items of that realm (an
     * unprocessable message belongs to a realm only when a realm's strict ingest policy refused its events).
     *
     * @throws ParkedStoreException if the store cannot be read
     */
    List<ParkedItem> list(Optional<String> realm);

    /**
     * Offers each parked set of events of the realm (of every realm if empty) to {@code deliver}. An item is removed
     * when {@code deliver} returns true; it stays, for a later replay, when it returns false or throws. Unprocessable
     * messages are never offered: they stay and are counted as skipped.
     *
     * @throws ParkedStoreException if the store cannot be read, or an item that was delivered cannot be removed (the
     *                              replay stops there, and that item will be delivered again by the next replay)
     */
    ReplayReport replay(Optional<String> realm, Predicate<ParkedEvents> deliver);
}
