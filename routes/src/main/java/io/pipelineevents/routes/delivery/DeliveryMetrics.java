package io.pipelineevents.routes.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The names of delivery meters, kept in one place so that logs, docs and tests agree on them. */
public final class DeliveryMetrics {
    public static final String EVENTS_DELIVERED = "pipeline_events.events.delivered";
    public static final String EVENTS_FIXED = "pipeline_events.events.fixed";
    public static final String EVENTS_REFUSED = "pipeline_events.events.refused";
    public static final String DUPLICATES_SKIPPED = "pipeline_events.duplicates.skipped";

    private DeliveryMetrics() {
    }

    static Counter fixed(MeterRegistry meters, String realm) {
        return Counter.builder(EVENTS_FIXED)
                .description("Events sent to a realm after a fix so that ingest accepts them (sanitize policy)")
                .tag("realm", realm)
                .register(meters);
    }

    static Counter refused(MeterRegistry meters, String realm) {
        return Counter.builder(EVENTS_REFUSED)
                .description("Events a realm's strict ingest policy refused and parked")
                .tag("realm", realm)
                .register(meters);
    }

    static Counter duplicatesSkipped(MeterRegistry meters, String realm) {
        return Counter.builder(DUPLICATES_SKIPPED)
                .description("Notifications not sent to a realm again because it had already accepted them")
                .tag("realm", realm)
                .register(meters);
    }

    static Counter delivered(MeterRegistry meters, String realm) {
        return Counter.builder(EVENTS_DELIVERED)
                .description("Splunk events a realm accepted")
                .tag("realm", realm)
                .register(meters);
    }
}
