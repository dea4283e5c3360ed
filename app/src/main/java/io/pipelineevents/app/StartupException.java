package io.pipelineevents.app;

/** The service cannot start for a reason a person can fix; the message says what and how, without a stack trace. */
public class StartupException extends Exception {
    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
