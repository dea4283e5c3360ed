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
 * The events a realm's policy refuses are parked where its undeliverable events go (the dead-letter queue or the
 * parking directory, see ParkingChoice), with the fixes they needed applied and the reason naming them (a replay is
 * the operator accepting the fixes): the realm is then done with the notification,
 * the other realms are not held up by it, and {@code parked list} shows them with the rest. (Copying the source
 * message to the dead-letter queue instead lost them in the embedded default, whose dead-letter queue is in memory,
 * and without a dead-letter queue failed the message for every realm.)
 */
public final class RefusedEventsInParkingPlace implements RefusedEventParking {
    private final ParkingPlace place;
    private final ObjectMapper json;
    private final Clock clock;

    public RefusedEventsInParkingPlace(ParkingPlace place, ObjectMapper json, Clock clock) {
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
