package io.pipelineevents.routes.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pipelineevents.mappings.MappingOutcome;
import io.pipelineevents.mappings.event.IngestPolicy;
import io.pipelineevents.mappings.event.MappedEvent;
import io.pipelineevents.mappings.event.SplunkEvent;
import java.util.List;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the realm's ingest policy to the events mapped from one notification: what remains is what this realm is
 * to receive; events its policy refuses are parked with the reason first.
 */
final class AdmitForRealm {
    private static final Logger LOG = LoggerFactory.getLogger(AdmitForRealm.class);

    private final Realm realm;
    private final RefusedEventParking parking;
    private final Counter fixed;
    private final Counter refused;

    AdmitForRealm(Realm realm, RefusedEventParking parking, MeterRegistry meters) {
        this.realm = realm;
        this.parking = parking;
        this.fixed = DeliveryMetrics.fixed(meters, realm.name());
        this.refused = DeliveryMetrics.refused(meters, realm.name());
    }

    List<SplunkEvent> admit(MappingOutcome outcome, Exchange exchange) {
        IngestPolicy.Admission admission = outcome.admit(realm.policy());
        if (admission.refusedAny()) {
            String reason = "realm " + realm.name() + ": " + String.join("; ", admission.refusals());
            parking.park(exchange, realm, reason, admission.refused().stream().map(MappedEvent::event).toList());
            refused.increment(admission.refusals().size());
            LOG.warn("Parked {} event(s) refused for {}", admission.refusals().size(), reason);
        }
        fixed.increment(admission.accepted().stream().filter(MappedEvent::fixed).count());
        return admission.events();
    }
}
