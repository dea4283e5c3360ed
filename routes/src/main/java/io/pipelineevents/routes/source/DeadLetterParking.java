package io.pipelineevents.routes.source;

import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.aws2.sqs.Sqs2Constants;

/**
 * Moves an unprocessable message, byte for byte, to the dead-letter queue with the reason as message attributes.
 * It sends a fresh exchange so that the source exchange keeps the headers its consumer needs to delete the
 * original once the move succeeded; if the move fails, the original stays on its queue.
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

    @Override
    public void process(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String body = exchange.getIn().getBody(String.class);
        String messageId = exchange.getIn().getHeader(Sqs2Constants.MESSAGE_ID, "unknown", String.class);
        ProducerTemplate producer = exchange.getContext().createProducerTemplate();
        try {
            producer.sendBodyAndHeaders(deadLetterEndpoint, body == null ? "" : body, java.util.Map.of(
                    REASON, cause == null ? "unknown" : cause.getMessage(),
                    SOURCE_QUEUE, source.toString(),
                    SOURCE_MESSAGE_ID, messageId,
                    PARKED_AT, Instant.now().toString()));
        } finally {
            try {
                producer.stop();
            } catch (Exception ignored) {
                // stopping a template releases its cache only; nothing was lost
            }
        }
    }
}
