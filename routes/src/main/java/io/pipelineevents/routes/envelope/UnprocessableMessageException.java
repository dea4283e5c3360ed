package io.pipelineevents.routes.envelope;

/**
 * A message that no retry can ever make processable (not JSON, an unknown envelope, an event ingest would refuse).
 * It is parked with {@link #getMessage()} as the reason, never retried and never dropped.
 */
public class UnprocessableMessageException extends RuntimeException {
    public UnprocessableMessageException(String reason) {
        super(reason);
    }

    public UnprocessableMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
