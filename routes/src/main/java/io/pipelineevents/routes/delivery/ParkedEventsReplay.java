package io.pipelineevents.routes.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipelineevents.routes.parking.ParkedEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends parked events again, through the same route (and so the same retry policy, token and URL, as configured
 * now) that the service uses for a batch: true when the realm accepted them.
 */
public final class ParkedEventsReplay implements Predicate<ParkedEvents> {
    private static final Logger LOG = LoggerFactory.getLogger(ParkedEventsReplay.class);

    private final Map<String, Realm> realms;
    private final ProducerTemplate producer;
    private final ObjectMapper json;

    /** @param producer a template of a started context that holds {@link RealmSendRoutes} for these realms */
    public ParkedEventsReplay(List<Realm> realms, ProducerTemplate producer, ObjectMapper json) {
        this.realms = realms.stream().collect(Collectors.toMap(Realm::name, Function.identity()));
        this.producer = producer;
        this.json = json;
    }

    @Override
    public boolean test(ParkedEvents parked) {
        Realm realm = realms.get(parked.realm());
        if (realm == null) {
            LOG.warn("Not replaying {} event(s) of realm {}: it is not configured (pipeline-events.realms)",
                    parked.events().size(), parked.realm());
            return false;
        }
        List<EncodedEvent> events = new ArrayList<>();
        for (JsonNode event : parked.events()) {
            try {
                events.add(new EncodedEvent(json.writeValueAsBytes(event)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a parked event could not be written as JSON", e);
            }
        }
        Exchange request = new DefaultExchange(producer.getCamelContext());
        request.getIn().setBody(events);
        request.setProperty(IngestAcceptance.EVENT_COUNT, events.size());
        request.setProperty(RetryBudget.FIRST_ATTEMPT_AT, System.currentTimeMillis());
        Exchange result = producer.send(realm.deliveryEndpoint(), request);
        if (result.getException() != null) {
            int attempts = result.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class) + 1;
            LOG.warn("Replay of {} event(s) failed: {}", events.size(),
                    RealmDeliveryException.of(realm.name(), attempts, result.getException()).getMessage());
            return false;
        }
        return true;
    }
}
