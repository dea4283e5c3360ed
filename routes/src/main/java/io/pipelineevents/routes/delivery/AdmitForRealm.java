package io.pipelineevents.routes.delivery;

import io.pipelineevents.mappings.MappingOutcome;
import io.pipelineevents.mappings.event.IngestPolicy;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the realm's ingest policy to the events mapped from one notification: the body becomes the events this
 * realm is to receive; events its policy refuses are parked with the reason first.
 */
final class AdmitForRealm implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(AdmitForRealm.class);

    private final Realm realm;
    private final RefusedEventParking parking;

    AdmitForRealm(Realm realm, RefusedEventParking parking) {
        this.realm = realm;
        this.parking = parking;
    }

    @Override
    public void process(Exchange exchange) {
        MappingOutcome outcome = exchange.getIn().getBody(MappingOutcome.class);
        IngestPolicy.Admission admission = outcome.admit(realm.policy());
        if (admission.refusedAny()) {
            String reason = "realm " + realm.name() + ": " + String.join("; ", admission.refusals());
            parking.park(exchange, realm, reason);
            LOG.warn("Parked {} event(s) refused for {}", admission.refusals().size(), reason);
        }
        exchange.getIn().setBody(admission.events());
    }
}
