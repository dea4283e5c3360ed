package io.pipelineevents.routes.source;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pipelineevents.mappings.MappingOutcome;
import io.pipelineevents.mappings.MappingSet;
import io.pipelineevents.routes.delivery.DeliveryKey;
import io.pipelineevents.routes.acknowledgement.SqsAcknowledgements;
import io.pipelineevents.routes.delivery.RealmFanOut;
import io.pipelineevents.routes.envelope.EnvelopeReader;
import io.pipelineevents.routes.envelope.Notification;
import io.pipelineevents.routes.envelope.SnsControlMessage;
import io.pipelineevents.routes.envelope.UnprocessableMessageException;
import io.pipelineevents.routes.mapping.MapNotification;
import io.pipelineevents.routes.mapping.NotificationSummary;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.aws2.sqs.Sqs2Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main path: an SQS message is read out of its envelope, mapped to Splunk events, and handed to every realm's
 * own queue. The consumer does not delete messages itself ({@code deleteAfterRead=false}): a message is deleted
 * when every realm it was handed to accepted or parked its events, or at once when it needs no delivery (an SNS
 * control message, a notification no rule maps, an unprocessable message moved to the dead-letter queue).
 * docs/delivery.md states the rules.
 */
public final class SqsSourceRoute extends RouteBuilder {
    public static final String ROUTE_ID = "sqs-source";
    private static final Logger LOG = LoggerFactory.getLogger(SqsSourceRoute.class);

    private final SqsSource source;
    private final EnvelopeReader envelopes;
    private final MappingSet mappings;
    private final RealmFanOut realms;
    private final SqsAcknowledgements acknowledgements;
    private final Map<NotificationOutcome, Counter> outcomes = new EnumMap<>(NotificationOutcome.class);
    private final Optional<DeadLetterParking> deadLetterParking;

    public SqsSourceRoute(SqsSource source, EnvelopeReader envelopes, MappingSet mappings, RealmFanOut realms,
            SqsAcknowledgements acknowledgements, MeterRegistry meters) {
        this.source = source;
        this.envelopes = envelopes;
        this.mappings = mappings;
        this.realms = realms;
        this.acknowledgements = acknowledgements;
        this.deadLetterParking = deadLetterParking(source);
        for (NotificationOutcome outcome : NotificationOutcome.values()) {
            outcomes.put(outcome, outcome.counter(meters));
        }
    }

    private static Optional<DeadLetterParking> deadLetterParking(SqsSource source) {
        return source.deadLetterQueue().map(dlq -> new DeadLetterParking(source.queue(), dlq));
    }

    @Override
    public void configure() {
        // The consumer deletes nothing itself, so a handled failure leaves the message on its queue too.
        onException(UnprocessableMessageException.class)
                .handled(true)
                .logExhausted(false)
                .useOriginalMessage()
                .process(this::parkUnprocessable);
        onException(Exception.class)
                .handled(true)
                .logExhausted(false)
                .process(this::logNotAcknowledged);

        from(source.consumerUri()).routeId(ROUTE_ID)
                // Messages already received when reading stops are handed over too, not left hidden until they time out.
                .shutdownRunningTask(ShutdownRunningTask.CompleteAllTasks)
                .process(exchange -> exchange.getIn().setBody(envelopes.read(exchange.getIn().getBody(String.class))))
                .choice()
                    .when(body().isInstanceOf(SnsControlMessage.class))
                        .process(this::logControlMessage)
                        .process(this::acknowledgeNow)
                        .stop()
                .end()
                .setProperty("notification", body())
                .process(new MapNotification(mappings))
                .process(SqsSourceRoute::setDeliveryKey)
                .choice()
                    .when(exchange -> exchange.getIn().getBody(MappingOutcome.class).events().isEmpty())
                        .process(this::logWithoutEvents)
                        .process(this::acknowledgeNow)
                        .stop()
                .end()
                .process(this::handOver);
    }

    /** The mapping rule's dedupe key if it has one, else the ids the notification came with (DeliveryKey). */
    private static void setDeliveryKey(Exchange exchange) {
        Notification notification = exchange.getProperty("notification", Notification.class);
        exchange.setProperty(DeliveryKey.PROPERTY, exchange.getIn().getBody(MappingOutcome.class).dedupeKey()
                .map(DeliveryKey::fromMapping)
                .orElseGet(() -> DeliveryKey.of(notification.messageId(),
                        notification.payload().path("id").asText(null), messageId(exchange))));
    }

    private void handOver(Exchange exchange) {
        realms.handOver(exchange.getIn().getBody(MappingOutcome.class),
                exchange.getProperty(DeliveryKey.PROPERTY, String.class),
                () -> acknowledgements.track(messageId(exchange), receiptHandle(exchange), this::countFinished),
                exchange);
    }

    private void countFinished(boolean acknowledged) {
        outcomes.get(acknowledged ? NotificationOutcome.DELIVERED : NotificationOutcome.DELIVERY_FAILED).increment();
    }

    private void acknowledgeNow(Exchange exchange) {
        acknowledgements.acknowledgeNow(messageId(exchange), receiptHandle(exchange));
    }

    private void logControlMessage(Exchange exchange) {
        SnsControlMessage control = exchange.getIn().getBody(SnsControlMessage.class);
        outcomes.get(NotificationOutcome.CONTROL).increment();
        if (control.type().equals("SubscriptionConfirmation")) {
            LOG.warn("SNS SubscriptionConfirmation for topic {} acknowledged: nothing is delivered until the subscription"
                    + " is confirmed. Open its SubscribeURL ({}) or use 'aws sns confirm-subscription'.",
                    control.topicArn(), control.subscribeUrl());
        } else {
            LOG.warn("SNS UnsubscribeConfirmation for topic {} acknowledged: this queue no longer receives its"
                    + " notifications. To subscribe again, open its SubscribeURL ({}).",
                    control.topicArn(), control.subscribeUrl());
        }
    }

    private void logWithoutEvents(Exchange exchange) {
        Notification notification = exchange.getProperty("notification", Notification.class);
        MappingOutcome outcome = exchange.getIn().getBody(MappingOutcome.class);
        if (outcome.wasDropped()) {
            outcomes.get(NotificationOutcome.DROPPED).increment();
            LOG.info("Dropped by rule {}: {}; acknowledged without events", String.join(", ", outcome.dropped()),
                    NotificationSummary.of(notification));
        } else {
            outcomes.get(NotificationOutcome.UNMATCHED).increment();
            LOG.info("No mapping rule matched {}; acknowledged without events", NotificationSummary.of(notification));
        }
    }

    /** Moves an unprocessable message to the dead-letter queue and deletes it, or leaves it for redrive. */
    private void parkUnprocessable(Exchange exchange) throws Exception {
        outcomes.get(NotificationOutcome.UNPROCESSABLE).increment();
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String where = source.deadLetterQueue()
                .map(dlq -> "moved to dead-letter queue " + dlq)
                .orElse("left on the queue for its redrive policy (no dead-letter queue configured)");
        LOG.warn("SQS message {} (receive count {}) cannot be processed and is {}: {}", messageId(exchange),
                receiveCount(exchange), where, cause == null ? "unknown reason" : cause.getMessage());
        if (deadLetterParking.isPresent()) {
            deadLetterParking.get().process(exchange);
            acknowledgeNow(exchange);
        }
    }

    /** Anything else that failed before the hand-over: the message stays and comes back. */
    private void logNotAcknowledged(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        outcomes.get(NotificationOutcome.DELIVERY_FAILED).increment();
        LOG.warn("SQS message {} (receive count {}) not acknowledged: {}. It comes back after its visibility timeout.",
                messageId(exchange), receiveCount(exchange), cause == null ? "unknown reason" : cause.getMessage());
    }

    private static String receiptHandle(Exchange exchange) {
        return exchange.getIn().getHeader(Sqs2Constants.RECEIPT_HANDLE, String.class);
    }

    private static String messageId(Exchange exchange) {
        return exchange.getIn().getHeader(Sqs2Constants.MESSAGE_ID, "?", String.class);
    }

    private static Object receiveCount(Exchange exchange) {
        // Keyed by the SDK's attribute enum, whose text is the attribute's name.
        Map<?, ?> attributes = exchange.getIn().getHeader(Sqs2Constants.ATTRIBUTES, Map.class);
        return attributes == null ? "?" : attributes.entrySet().stream()
                .filter(e -> "ApproximateReceiveCount".equals(String.valueOf(e.getKey())))
                .<Object>map(Map.Entry::getValue).findFirst().orElse("?");
    }

}
