package io.pipelineevents.routes.delivery;

/** Ingest answered HTTP 200, but not with its acceptance, the body {@code "OK"} (quotes included). */
public class RealmRejectedException extends RuntimeException {
    static final int STATUS = 200;

    public RealmRejectedException(String realm, String answer) {
        super("realm " + realm + " did not accept the events: answered HTTP " + STATUS + " with " + answer
                + " instead of the body \"OK\" (quotes included)");
    }
}
