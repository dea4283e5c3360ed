package io.pipelineevents.routes.delivery;

import java.util.Objects;

/**
 * A realm's access token. It goes into the X-SF-Token header and nowhere else: {@link #toString()} is masked so
 * that a token cannot leak into a log line, an exception message or a route dump by accident.
 */
public final class IngestToken {
    private final String value;

    public IngestToken(String value) {
        this.value = Objects.requireNonNull(value, "token");
    }

    String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "IngestToken[****]";
    }
}
