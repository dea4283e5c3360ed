package io.pipelineevents.routes.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.pipelineevents.mappings.event.SplunkEvent;
import io.pipelineevents.routes.delivery.DeliveryKey;
import io.pipelineevents.routes.delivery.Realm;
import io.pipelineevents.routes.delivery.RefusedEventParking;
import io.pipelineevents.routes.parking.ParkedEvents;
import io.pipelineevents.routes.parking.ParkingPlace;
import java.time.Clock;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.component.aws2.sqs.Sqs2Constants;

/**
 * Without a dead-letter queue, the events a realm's policy refuses are parked where its undeliverable events go (the
 * parking directory), as mapped, with the reason: the realm is then done with the notification, and the other realms
 * are not held up by it. Before, the whole message failed and no realm got it.
 */
final class RefusedEventsInParkingPlace implements RefusedEventParking {
    private final ParkingPlace place;
    private final ObjectMapper json;
    private final Clock clock;

    RefusedEventsInParkingPlace(ParkingPlace place, ObjectMapper json, Clock clock) {
        this.place = place;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void park(Exchange exchange, Realm realm, String reason, List<SplunkEvent> refused) {
        ArrayNode events = json.createArrayNode();
        refused.forEach(event -> events.add(json.valueToTree(event)));
        place.park(new ParkedEvents(realm.name(), reason, null, 0, clock.instant(),
                List.of(exchange.getIn().getHeader(Sqs2Constants.MESSAGE_ID, "unknown", String.class)),
                List.of(exchange.getProperty(DeliveryKey.PROPERTY, "unknown", String.class)), events));
    }
}
