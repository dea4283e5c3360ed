package io.pipelineevents.app.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.pipelineevents.routes.acknowledgement.SqsAcknowledgements;
import io.pipelineevents.routes.delivery.DeliveryMetrics;
import io.pipelineevents.routes.source.NotificationOutcome;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the service has done since it started and what it holds now, per realm: the content of the status file and
 * of the periodic status log line.
 *
 * @param stoppedAt     when the service stopped; null while it runs
 * @param notifications source messages by outcome
 * @param pendingMessages source messages handed to realms and not yet acknowledged
 * @param realms        per realm: events delivered, requests retried, events parked, notifications skipped as
 *                      duplicates, events refused by a strict policy, and events waiting or in flight (backlog)
 */
public record StatusSnapshot(Instant writtenAt, long pid, Instant startedAt, Instant stoppedAt, String queue,
        Map<String, Long> notifications, long pendingMessages, long visibilityExtensions,
        long visibilityExtensionFailures, Map<String, RealmStatus> realms) {

    public record RealmStatus(long delivered, long retried, long parked, long duplicatesSkipped, long refused,
            long backlog) {
    }

    static StatusSnapshot of(MeterRegistry meters, List<String> realmNames, Instant startedAt, String queue,
            Instant now, boolean stopped) {
        Map<String, Long> notifications = new LinkedHashMap<>();
        for (NotificationOutcome outcome : NotificationOutcome.values()) {
            notifications.put(outcome.tag(), count(meters, NotificationOutcome.METER, "outcome", outcome.tag()));
        }
        Map<String, RealmStatus> realms = new LinkedHashMap<>();
        for (String realm : realmNames) {
            realms.put(realm, new RealmStatus(
                    count(meters, DeliveryMetrics.EVENTS_DELIVERED, "realm", realm),
                    count(meters, DeliveryMetrics.REQUESTS_RETRIED, "realm", realm),
                    count(meters, DeliveryMetrics.EVENTS_PARKED, "realm", realm),
                    count(meters, DeliveryMetrics.DUPLICATES_SKIPPED, "realm", realm),
                    count(meters, DeliveryMetrics.EVENTS_REFUSED, "realm", realm),
                    (long) Search.in(meters).name(DeliveryMetrics.BACKLOG).tag("realm", realm).gauges().stream()
                            .mapToDouble(g -> g.value()).sum()));
        }
        return new StatusSnapshot(now, ProcessHandle.current().pid(), startedAt, stopped ? now : null, queue,
                notifications,
                gauge(meters, SqsAcknowledgements.PENDING), count(meters, SqsAcknowledgements.EXTENSIONS, null, null),
                count(meters, SqsAcknowledgements.EXTENSION_FAILURES, null, null), realms);
    }

    /** How the status file is written and read. */
    public static ObjectMapper json() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** One line for the log. */
    String line() {
        String perRealm = realms.entrySet().stream()
                .map(e -> e.getKey() + " delivered=" + e.getValue().delivered() + " retried=" + e.getValue().retried()
                        + " parked=" + e.getValue().parked() + " duplicates=" + e.getValue().duplicatesSkipped()
                        + " backlog=" + e.getValue().backlog())
                .collect(Collectors.joining("; "));
        String outcomes = notifications.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        return "Status: notifications " + outcomes + "; pending messages=" + pendingMessages + "; realms: " + perRealm
                + "; visibility extensions=" + visibilityExtensions + " (failed " + visibilityExtensionFailures + ")";
    }

    private static long count(MeterRegistry meters, String name, String tag, String value) {
        Search search = Search.in(meters).name(name);
        if (tag != null) {
            search = search.tag(tag, value);
        }
        return (long) search.counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static long gauge(MeterRegistry meters, String name) {
        return (long) Search.in(meters).name(name).gauges().stream().mapToDouble(g -> g.value()).sum();
    }
}
