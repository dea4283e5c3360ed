package io.pipelineevents.routes.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The names of delivery meters, kept in one place so that logs, docs and tests agree on them. */
public final class DeliveryMetrics {
    public static final String EVENTS_DELIVERED = "pipeline_events.events.delivered";

    private DeliveryMetrics() {
    }

    static Counter delivered(MeterRegistry meters, String realm) {
        return Counter.builder(EVENTS_DELIVERED)
                .description("Splunk events a realm accepted")
                .tag("realm", realm)
                .register(meters);
    }
}
