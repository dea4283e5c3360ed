package io.pipelineevents.routes.dedupe;

/** The dedupe store named by the settings cannot be used at start-up. The message is one line, free of secrets. */
public class DedupeStoreUnavailableException extends RuntimeException {
    public DedupeStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
