package io.pipelineevents.routes.parking;

/**
 * Where events go that a realm will not take: a dead-letter SQS queue or a local directory. {@link #park} returns
 * only once the events are stored durably; if it cannot store them it throws, and the caller must then leave the
 * source message unacknowledged.
 */
public interface ParkingPlace {

    void park(ParkedEvents parked) throws ParkingFailedException;

    /** Where this is, for logs and the start-up summary, e.g. "directory /var/lib/pipeline-events/parked". */
    String describe();
}
