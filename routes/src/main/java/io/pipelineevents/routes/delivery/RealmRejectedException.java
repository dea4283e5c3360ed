package io.pipelineevents.routes.delivery;

/** Ingest answered, but not with its acceptance: HTTP 200 with the body {@code "OK"}. */
public class RealmRejectedException extends RuntimeException {
    public RealmRejectedException(String realm, String answer) {
        super("realm " + realm + " did not accept the events: answered " + answer);
    }
}
