package io.pipelineevents.routes.parking;

/** The parked items could not be read or removed; the message says where and why. */
public class ParkedStoreException extends RuntimeException {
    public ParkedStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
