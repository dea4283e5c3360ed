package io.pipelineevents.routes.delivery;

import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * A realm did not accept a request, said in one line that names the realm: its status and the start of its answer,
 * or the transport error. Never the token: it travels in a header that no message here includes.
 */
public class RealmDeliveryException extends RuntimeException {
    private static final int ANSWER_EXCERPT = 200;

    public RealmDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The failure of a realm's branch, said with the realm's name and the number of requests made. */
    static RealmDeliveryException of(String realm, int attempts, Exception cause) {
        return new RealmDeliveryException("realm " + realm + " " + describe(cause)
                + (attempts > 1 ? " (after " + attempts + " attempts)" : ""), cause);
    }

    /** What went wrong, without the realm's name: its status and the start of its answer, or the error. */
    static String describe(Exception cause) {
        if (cause instanceof HttpOperationFailedException http) {
            String body = http.getResponseBody() == null ? "" : http.getResponseBody().strip();
            return "answered HTTP " + http.getStatusCode()
                    + (body.isEmpty() ? "" : ": " + (body.length() > ANSWER_EXCERPT
                            ? body.substring(0, ANSWER_EXCERPT) + "..." : body));
        }
        if (cause instanceof RealmDeliveryException) {
            return cause.getMessage().replaceFirst("^realm \\S+ ", "");
        }
        if (cause instanceof RealmRejectedException) {
            return cause.getMessage().replaceFirst("^realm \\S+ ", "");
        }
        return "could not be reached: " + (cause == null ? "unknown error" : cause.getClass().getSimpleName() + ": "
                + cause.getMessage());
    }
}
