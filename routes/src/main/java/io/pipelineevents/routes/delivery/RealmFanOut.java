package io.pipelineevents.routes.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pipelineevents.mappings.MappingOutcome;
import io.pipelineevents.mappings.event.SplunkEvent;
import io.pipelineevents.routes.acknowledgement.PendingMessage;
import io.pipelineevents.routes.parking.ParkingPlace;
import java.time.Clock;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spi.IdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands what the mappings made of one notification to every realm's own queue, without waiting for any of them.
 * Per realm: its ingest policy decides which events it gets (refused ones are parked), its dedupe repository skips
 * a notification it already accepted or parked, and its queue takes the rest or, when full, gives the message
 * back. The source message is acknowledged when the last realm it was handed to is done (see PendingMessage).
 */
public final class RealmFanOut {
    private static final Logger LOG = LoggerFactory.getLogger(RealmFanOut.class);

    private final List<Realm> realms;
    private final Map<String, AdmitForRealm> admission = new LinkedHashMap<>();
    private final Map<String, IdempotentRepository> dedupe = new LinkedHashMap<>();
    private final Map<String, Counter> duplicates = new LinkedHashMap<>();
    private final Map<String, RealmDispatcher> dispatchers = new LinkedHashMap<>();
    private final ParkingPlace parking;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final Clock clock;

    /**
     * @param dedupe the repository of delivery keys a realm accepted or parked, by realm name; consulted with
     *               {@code contains} before a hand-over and added to only once the realm is done, so that an
     *               instance that dies mid-delivery leaves no key behind
     */
    public RealmFanOut(List<Realm> realms, Function<String, IdempotentRepository> dedupe,
            RefusedEventParking refusedEvents, ParkingPlace parking, ObjectMapper json, MeterRegistry meters,
            Clock clock) {
        this.realms = List.copyOf(realms);
        this.parking = parking;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
        for (Realm realm : this.realms) {
            admission.put(realm.name(), new AdmitForRealm(realm, refusedEvents, meters));
            this.dedupe.put(realm.name(), dedupe.apply(realm.name()));
            duplicates.put(realm.name(), DeliveryMetrics.duplicatesSkipped(meters, realm.name()));
        }
    }

    /** Starts every realm's workers; their batches go through the routes of {@link RealmSendRoutes}. */
    public void start(CamelContext context) {
        for (Realm realm : realms) {
            BatchDelivery delivery = new BatchDelivery(realm, context.createProducerTemplate(), parking, json, clock,
                    meters);
            RealmDispatcher dispatcher = new RealmDispatcher(realm, delivery::deliver, meters);
            dispatchers.put(realm.name(), dispatcher);
            dispatcher.start();
        }
    }

    /**
     * Hands one notification to the realms. Per realm, first the dedupe check (a realm that is done with it is not
     * asked again: its policy is not applied twice, nothing is fixed or parked twice), then its policy, whose refused
     * events are parked before anything is tracked: if that fails, the exception leaves the message unacknowledged
     * and no realm has it yet.
     *
     * @param track starts tracking the source message; called once, after the refused events are parked
     */
    public void handOver(MappingOutcome outcome, String deliveryKey, Supplier<PendingMessage> track,
            Exchange exchange) {
        Map<Realm, List<SplunkEvent>> admitted = new LinkedHashMap<>();
        for (Realm realm : realms) {
            IdempotentRepository seen = dedupe.get(realm.name());
            if (seen.contains(deliveryKey)) {
                duplicates.get(realm.name()).increment();
                LOG.info("Not sending {} to realm {} again: it accepted or parked it before", deliveryKey,
                        realm.name());
                continue;
            }
            List<SplunkEvent> events = admission.get(realm.name()).admit(outcome, exchange);
            if (events.isEmpty()) {
                // Its policy refused every event and they are parked: the realm is done with this notification.
                remember(seen, deliveryKey);
                continue;
            }
            admitted.put(realm, events);
        }
        PendingMessage source = track.get();
        try {
            handOver(admitted, deliveryKey, source);
        } catch (RuntimeException e) {
            // Realms already handed the notification go on; the message comes back for the others.
            LOG.warn("Could not hand {} to every realm: {}", deliveryKey, e.getMessage());
            source.giveBack("it could not be handed to every realm: " + e.getMessage());
            return;
        }
        source.handedOver();
    }

    private void handOver(Map<Realm, List<SplunkEvent>> admitted, String deliveryKey, PendingMessage source) {
        Map<SplunkEvent, EncodedEvent> encoded = new IdentityHashMap<>();
        for (Map.Entry<Realm, List<SplunkEvent>> entry : admitted.entrySet()) {
            Realm realm = entry.getKey();
            IdempotentRepository seen = dedupe.get(realm.name());
            List<EncodedEvent> events = entry.getValue().stream()
                    .map(event -> encoded.computeIfAbsent(event, this::encode)).toList();
            source.expectRealm();
            RealmWork work = new RealmWork(source, deliveryKey, events, done -> seen.add(done.deliveryKey()));
            if (!dispatchers.get(realm.name()).offer(work)) {
                work.giveBack("realm " + realm.name() + " cannot take it now (its queue of "
                        + realm.batch().queueCapacity() + " notifications is full, or the service is stopping)");
            }
        }
    }

    private static void remember(IdempotentRepository seen, String deliveryKey) {
        try {
            seen.add(deliveryKey);
        } catch (RuntimeException e) {
            // The dedupe store is down: the worst outcome is that a duplicate is parked again.
            LOG.warn("Could not remember {} as done: {}", deliveryKey, e.getMessage());
        }
    }

    /**
     * Lets every realm deliver what it holds, all realms at once, until the deadline; true if all finished. What
     * is left is not acknowledged.
     */
    public boolean drain(Duration deadline) throws InterruptedException {
        long deadlineNanos = System.nanoTime() + deadline.toNanos();
        boolean done = true;
        for (RealmDispatcher dispatcher : dispatchers.values()) {
            // Each drain stops its realm's intake at once and then waits until the shared deadline.
            done &= dispatcher.drain(deadlineNanos);
        }
        return done;
    }

    /** Events waiting or in flight, by realm. */
    public Map<String, Integer> backlog() {
        Map<String, Integer> backlog = new LinkedHashMap<>();
        dispatchers.forEach((realm, dispatcher) -> backlog.put(realm, dispatcher.backlog()));
        return backlog;
    }

    private EncodedEvent encode(SplunkEvent event) {
        try {
            return new EncodedEvent(json.writeValueAsBytes(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Splunk event could not be written as JSON", e);
        }
    }
}
