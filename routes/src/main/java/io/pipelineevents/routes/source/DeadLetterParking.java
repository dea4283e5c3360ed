package io.pipelineevents.routes.source;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.aws2.sqs.Sqs2Constants;

/**
 * Copies a source message that cannot be processed at all, byte for byte, to the dead-letter queue with the reason
 * as message attributes. It sends a fresh exchange so that the source exchange keeps the headers its consumer needs to delete the
 * original; if the copy fails, the exception fails the exchange and the original stays on its queue.
 */
final class DeadLetterParking implements Processor {
    static final String REASON = "pipeline-events-reason";
    static final String SOURCE_QUEUE = "pipeline-events-source-queue";
    static final String SOURCE_MESSAGE_ID = "pipeline-events-source-message-id";
    static final String PARKED_AT = "pipeline-events-parked-at";

    private final QueueRef source;
    private final String deadLetterEndpoint;

    DeadLetterParking(QueueRef source, QueueRef deadLetterQueue) {
        this.source = source;
        this.deadLetterEndpoint = deadLetterQueue.endpointUri("");
    }

    /** Parks an unprocessable message (the exchange carries the original message and the caught exception). */
    @Override
    public void process(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String body = exchange.getIn().getBody(String.class);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put(REASON, cause == null ? "unknown" : cause.getMessage());
        attributes.put(SOURCE_QUEUE, source.toString());
        attributes.put(SOURCE_MESSAGE_ID, exchange.getIn().getHeader(Sqs2Constants.MESSAGE_ID, "unknown", String.class));
        attributes.put(PARKED_AT, Instant.now().toString());
        ProducerTemplate producer = exchange.getContext().createProducerTemplate();
        try {
            producer.sendBodyAndHeaders(deadLetterEndpoint, body == null ? "" : body, attributes);
        } finally {
            try {
                producer.stop();
            } catch (Exception ignored) {
                // stopping a template releases its cache only; nothing was lost
            }
        }
    }
}
