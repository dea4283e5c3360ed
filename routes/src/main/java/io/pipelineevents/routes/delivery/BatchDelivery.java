package io.pipelineevents.routes.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pipelineevents.routes.parking.ParkedEvents;
import io.pipelineevents.routes.parking.ParkingPlace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.support.DefaultExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one batch of a realm to a terminal state: sent through the realm's route (which retries transient
 * failures), split in halves when ingest answers 413, parked when it failed for good. Only then are the
 * notifications in it settled for the realm; if they can be neither delivered nor parked, their source messages
 * are given back.
 */
final class BatchDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(BatchDelivery.class);
    private static final int PAYLOAD_TOO_LARGE = 413;

    /** One event of a batch and the notification it belongs to. */
    record Item(RealmWork work, EncodedEvent event) {
    }

    private final Realm realm;
    private final ProducerTemplate producer;
    private final ParkingPlace parking;
    private final ObjectMapper json;
    private final Clock clock;
    private final Counter parked;

    BatchDelivery(Realm realm, ProducerTemplate producer, ParkingPlace parking, ObjectMapper json, Clock clock,
            MeterRegistry meters) {
        this.realm = realm;
        this.producer = producer;
        this.parking = parking;
        this.json = json;
        this.clock = clock;
        this.parked = DeliveryMetrics.parked(meters, realm.name());
    }

    void deliver(List<Item> batch) {
        Exchange request = new DefaultExchange(producer.getCamelContext());
        request.getIn().setBody(batch.stream().map(Item::event).toList());
        request.setProperty(IngestAcceptance.EVENT_COUNT, batch.size());
        request.setProperty(RetryBudget.FIRST_ATTEMPT_AT, clock.millis());
        Exchange result = producer.send(realm.deliveryEndpoint(), request);

        int attempts = result.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class) + 1;
        Exception failure = result.getException();
        if (failure == null) {
            settle(batch);
            return;
        }
        Integer status = failure instanceof HttpOperationFailedException http ? Integer.valueOf(http.getStatusCode())
                : failure instanceof RealmRejectedException ? Integer.valueOf(RealmRejectedException.STATUS) : null;
        if (status != null && status == PAYLOAD_TOO_LARGE && batch.size() > 1) {
            LOG.info("Realm {} answered 413 to a batch of {} events; sending it in two halves", realm.name(),
                    batch.size());
            deliver(batch.subList(0, batch.size() / 2));
            deliver(batch.subList(batch.size() / 2, batch.size()));
            return;
        }
        park(batch, RealmDeliveryException.of(realm.name(), attempts, failure).getMessage(), status, attempts);
    }

    private void park(List<Item> batch, String reason, Integer status, int attempts) {
        if (batch.stream().allMatch(item -> item.work().source().isFinished())) {
            LOG.info("Realm {}: {} event(s) not parked ({}): their messages were given back already", realm.name(),
                    batch.size(), reason);
            return;
        }
        ParkedEvents record = new ParkedEvents(realm.name(), reason, status, attempts, clock.instant(),
                distinct(batch, item -> item.work().source().messageId()),
                distinct(batch, item -> item.work().deliveryKey()), events(batch));
        try {
            parking.park(record);
        } catch (RuntimeException e) {
            LOG.error("Could not park {} event(s) for realm {} ({}): {}", batch.size(), realm.name(), reason,
                    e.getMessage());
            works(batch).keySet().forEach(work -> work.giveBack("realm " + realm.name() + " failed (" + reason
                    + ") and its events could not be parked"));
            return;
        }
        parked.increment(batch.size());
        LOG.warn("Parked {} event(s) of realm {} in {}: {}", batch.size(), realm.name(), parking.describe(), reason);
        settle(batch);
    }

    private static void settle(List<Item> batch) {
        works(batch).forEach(RealmWork::settled);
    }

    private static Map<RealmWork, Integer> works(List<Item> batch) {
        Map<RealmWork, Integer> counts = new LinkedHashMap<>();
        batch.forEach(item -> counts.merge(item.work(), 1, Integer::sum));
        return counts;
    }

    private ArrayNode events(List<Item> batch) {
        ArrayNode events = json.createArrayNode();
        for (Item item : batch) {
            try {
                events.add(json.readTree(item.event().json()));
            } catch (IOException e) {
                throw new UncheckedIOException("an event written by us is not JSON", e);
            }
        }
        return events;
    }

    private static List<String> distinct(List<Item> batch, java.util.function.Function<Item, String> field) {
        return new ArrayList<>(batch.stream().map(field).distinct().toList());
    }
}
