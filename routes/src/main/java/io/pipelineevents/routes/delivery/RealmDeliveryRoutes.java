package io.pipelineevents.routes.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One route per realm: {@code direct:realm-<name>} takes what the mappings made of one notification, keeps the
 * events the realm's ingest policy admits (parking the others) and POSTs them as one JSON array. Failures are not handled here: they fail the source exchange, so the source
 * message is not acknowledged (see docs/delivery.md).
 */
public final class RealmDeliveryRoutes extends RouteBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(RealmDeliveryRoutes.class);

    private final List<Realm> realms;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final PrintStream console;
    private final IngestHttpSettings http;
    private final RefusedEventParking parking;
    private final int dedupeKeys;

    /**
     * @param dedupeKeys how many delivery keys each realm remembers (most recent first); 0 turns dedupe off
     */
    public RealmDeliveryRoutes(List<Realm> realms, IngestHttpSettings http, RefusedEventParking parking,
            int dedupeKeys, ObjectMapper json, MeterRegistry meters, PrintStream console) {
        this.realms = List.copyOf(realms);
        this.http = http;
        this.parking = parking;
        this.dedupeKeys = dedupeKeys;
        this.json = json;
        this.meters = meters;
        this.console = console;
    }

    private IdempotentRepository repository() {
        return dedupeKeys == 0 ? new NeverSeen() : MemoryIdempotentRepository.memoryIdempotentRepository(dedupeKeys);
    }

    private Counter duplicates(Realm realm) {
        return DeliveryMetrics.duplicatesSkipped(meters, realm.name());
    }

    @Override
    public void configure() {
        http.applyTo(getContext());
        // Failures go back to the fan-out unhandled and unlogged; the source route decides and logs once.
        errorHandler(defaultErrorHandler().logExhausted(false).logRetryAttempted(false).logStackTrace(false));
        for (Realm realm : realms) {
            RetryPolicy retry = realm.retry();
            ChoiceDefinition firstDelivery = from(realm.deliveryEndpoint()).routeId("realm-" + realm.name())
                    // Only transient failures are retried here; the rest fail the branch at once.
                    .onException(Exception.class).onWhen(IngestFailures::isTransient)
                        .maximumRedeliveries(retry.maxAttempts() - 1)
                        .redeliveryDelay(retry.initialBackoff().toMillis())
                        .useExponentialBackOff().backOffMultiplier(2)
                        .maximumRedeliveryDelay(retry.maxBackoff().toMillis())
                        .useCollisionAvoidance()
                        .onExceptionOccurred(new RetryAfter(retry.retryAfterCap(), Clock.systemUTC()))
                        .logRetryAttempted(false).logExhausted(false)
                    .end()
                    .setProperty(EveryRealmMustAccept.REALM, constant(realm.name()))
                    .process(new AdmitForRealm(realm, parking, meters))
                    // Nothing left for this realm (its policy refused every event): it has nothing to accept.
                    .filter(exchange -> !exchange.getIn().getBody(List.class).isEmpty())
                        // A key is remembered once the realm accepted, and forgotten if it did not, so a
                        // notification that comes back because another realm failed is not sent here twice.
                        .idempotentConsumer(exchangeProperty(DeliveryKey.PROPERTY), repository())
                            .skipDuplicate(false).removeOnFailure(true)
                        // Not stop(): a stopped branch would stop the whole fan-out behind it.
                        .choice()
                            .when(exchangeProperty(Exchange.DUPLICATE_MESSAGE).isEqualTo(true))
                                .process(exchange -> {
                                    duplicates(realm).increment();
                                    LOG.info("Not sending {} to realm {} again: it accepted it before",
                                            exchange.getProperty(DeliveryKey.PROPERTY), realm.name());
                                })
                            .otherwise();
            if (realm.isConsole()) {
                firstDelivery.process(new ConsoleRealm(console, json, meters));
            } else {
                firstDelivery
                        .process(exchange -> exchange.setProperty(IngestAcceptance.EVENT_COUNT,
                                IngestAcceptance.countOf(exchange.getIn().getBody())))
                        .marshal(new JacksonDataFormat(json, Object.class))
                        .process(new IngestRequest(realm.token().orElseThrow()))
                        .to(realm.eventApiUri())
                        .process(new IngestAcceptance(realm.name(), meters));
            }
            firstDelivery.end().end().end();
        }
    }
}
