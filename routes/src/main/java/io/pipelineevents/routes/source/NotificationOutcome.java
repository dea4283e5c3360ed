package io.pipelineevents.routes.source;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/** What became of a source message; counted as {@code pipeline_events.notifications{outcome=...}}. */
public enum NotificationOutcome {
    /** Every realm it was for accepted or parked its events; the message was acknowledged. */
    DELIVERED,
    /** No rule matched; acknowledged, since there is nothing to deliver. */
    UNMATCHED,
    /** A drop rule matched: dropped on purpose; acknowledged. */
    DROPPED,
    /** An SNS subscription or unsubscribe confirmation; logged with what to do, acknowledged. */
    CONTROL,
    /** Can never be processed; moved to the dead-letter queue with its reason, or left to the queue's redrive. */
    UNPROCESSABLE,
    /**
     * A realm could not take it (its queue was full, parking failed, the service stopped first) or it failed before
     * reaching the realms: not acknowledged, it comes back after its visibility timeout.
     */
    DELIVERY_FAILED;

    public static final String METER = "pipeline_events.notifications";

    public String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    Counter counter(MeterRegistry meters) {
        return Counter.builder(METER).description("Source messages by outcome").tag("outcome", tag()).register(meters);
    }
}
