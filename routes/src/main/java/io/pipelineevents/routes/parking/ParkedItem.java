package io.pipelineevents.routes.parking;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One thing waiting in a parking place, as the operator sees it: a set of events a realm did not take, or a whole
 * source message that could not be processed.
 *
 * @param id               where it is: the file path, or the SQS message id
 * @param realm            the realm it is parked for; an unprocessable message has one only when a realm's strict
 *                         ingest policy refused its events
 * @param lastStatus       the last HTTP status the realm answered; empty for a transport error or an unprocessable
 *                         message
 * @param attempts         requests made to the realm; 0 for an unprocessable message
 * @param eventCount       events parked; 0 for an unprocessable message
 * @param sourceMessageIds the source messages it came from, where known
 * @param sourceQueue      the queue an unprocessable message came from, where known
 * @param events           the parked events, for {@link Kind#PARKED_EVENTS}
 * @param rawBody          the message exactly as it was, for {@link Kind#UNPROCESSABLE_MESSAGE}
 */
public record ParkedItem(
        String id,
        Kind kind,
        Optional<String> realm,
        String reason,
        Optional<Integer> lastStatus,
        int attempts,
        Instant parkedAt,
        int eventCount,
        List<String> sourceMessageIds,
        Optional<String> sourceQueue,
        Optional<ParkedEvents> events,
        Optional<String> rawBody) {

    public enum Kind {
        /** Events a realm refused or that ran out of retries; replay sends them again. */
        PARKED_EVENTS,
        /** A source message that can never become events (or a stored item that cannot be read); replay skips it. */
        UNPROCESSABLE_MESSAGE
    }

    public ParkedItem {
        sourceMessageIds = List.copyOf(sourceMessageIds);
    }

    public static ParkedItem of(String id, ParkedEvents parked) {
        return new ParkedItem(id, Kind.PARKED_EVENTS, Optional.of(parked.realm()), parked.reason(),
                Optional.ofNullable(parked.lastStatus()), parked.attempts(), parked.parkedAt(),
                parked.events() == null ? 0 : parked.events().size(), parked.sourceMessageIds(), Optional.empty(),
                Optional.of(parked), Optional.empty());
    }

    public static ParkedItem unprocessable(String id, Optional<String> realm, String reason, Instant parkedAt,
            List<String> sourceMessageIds, Optional<String> sourceQueue, String rawBody) {
        return new ParkedItem(id, Kind.UNPROCESSABLE_MESSAGE, realm, reason, Optional.empty(), 0, parkedAt, 0,
                sourceMessageIds, sourceQueue, Optional.empty(), Optional.of(rawBody));
    }

    boolean belongsTo(Optional<String> wanted) {
        return wanted.isEmpty() || wanted.equals(realm);
    }
}
