package io.pipelineevents.routes.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The names of delivery meters, kept in one place so that logs, docs and tests agree on them. */
public final class DeliveryMetrics {
    public static final String EVENTS_DELIVERED = "pipeline_events.events.delivered";
    public static final String EVENTS_FIXED = "pipeline_events.events.fixed";
    public static final String EVENTS_REFUSED = "pipeline_events.events.refused";
    public static final String EVENTS_PARKED = "pipeline_events.events.parked";
    public static final String REQUESTS_RETRIED = "pipeline_events.requests.retried";
    public static final String DUPLICATES_SKIPPED = "pipeline_events.duplicates.skipped";
    public static final String BACKLOG = "pipeline_events.backlog.events";

    private DeliveryMetrics() {
    }

    static Counter fixed(MeterRegistry meters, String realm) {
        return perRealm(meters, EVENTS_FIXED, realm,
                "Events sent to a realm after a fix so that ingest accepts them (sanitize policy)");
    }

    static Counter refused(MeterRegistry meters, String realm) {
        return perRealm(meters, EVENTS_REFUSED, realm, "Events a realm's strict ingest policy refused and parked");
    }

    static Counter duplicatesSkipped(MeterRegistry meters, String realm) {
        return perRealm(meters, DUPLICATES_SKIPPED, realm,
                "Notifications not sent to a realm again because it had already accepted them");
    }

    static Counter delivered(MeterRegistry meters, String realm) {
        return perRealm(meters, EVENTS_DELIVERED, realm, "Splunk events a realm accepted");
    }

    static Counter parked(MeterRegistry meters, String realm) {
        return perRealm(meters, EVENTS_PARKED, realm,
                "Events a realm refused for good or did not accept within its retry policy, parked for replay");
    }

    static Counter retried(MeterRegistry meters, String realm) {
        return perRealm(meters, REQUESTS_RETRIED, realm, "Requests to a realm sent again after a transient failure");
    }

    private static Counter perRealm(MeterRegistry meters, String name, String realm, String description) {
        return Counter.builder(name).description(description).tag("realm", realm).register(meters);
    }
}
