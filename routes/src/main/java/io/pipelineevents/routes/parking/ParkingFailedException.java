package io.pipelineevents.routes.parking;

/** Events could not be parked; the source message they came from must not be acknowledged. */
public class ParkingFailedException extends RuntimeException {
    public ParkingFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
