package io.pipelineevents.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.pipelineevents.routes.delivery.DeliveryMetrics;
import io.pipelineevents.routes.source.NotificationOutcome;
import java.util.stream.Collectors;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs what the service did when the Camel context stops. A context service, because on SIGTERM the context is
 * stopped by the shutdown hook and code after {@code Main.run()} may never get to run.
 */
final class OutcomeSummary extends ServiceSupport {
    private static final Logger LOG = LoggerFactory.getLogger(OutcomeSummary.class);

    private final MeterRegistry meters;

    OutcomeSummary(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    protected void doStop() {
        LOG.info("Stopped. Notifications: {}. Events delivered: {}; parked: {}; requests retried: {}; sent fixed: {};"
                        + " refused by strict policy: {}; duplicates skipped: {}.",
                summary(NotificationOutcome.METER, "outcome"), summary(DeliveryMetrics.EVENTS_DELIVERED, "realm"),
                summary(DeliveryMetrics.EVENTS_PARKED, "realm"), summary(DeliveryMetrics.REQUESTS_RETRIED, "realm"),
                summary(DeliveryMetrics.EVENTS_FIXED, "realm"), summary(DeliveryMetrics.EVENTS_REFUSED, "realm"),
                summary(DeliveryMetrics.DUPLICATES_SKIPPED, "realm"));
    }

    private String summary(String meter, String tag) {
        String counts = Search.in(meters).name(meter).counters().stream()
                .map(c -> c.getId().getTag(tag) + "=" + (long) c.count())
                .sorted()
                .collect(Collectors.joining(", "));
        return counts.isEmpty() ? "none" : counts;
    }
}
