package io.pipelineevents.routes.delivery;

import java.io.IOException;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;

/** Which failures of a request to ingest are worth retrying (splunk-events-api.md, "Responses"). */
final class IngestFailures {
    private IngestFailures() {
    }

    static boolean isTransient(Exchange exchange) {
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return isTransient(failure);
    }

    static boolean isTransient(Throwable failure) {
        if (failure instanceof HttpOperationFailedException http) {
            int status = http.getStatusCode();
            return status == 408 || status == 429 || status >= 500;
        }
        // Timeouts and connection errors; HttpClient raises them as IOExceptions, possibly wrapped.
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
