package io.pipelineevents.routes.delivery;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Turns a branch exchange into the request ingest expects. Every other header is removed first: camel-http sends
 * exchange headers as HTTP headers, and the source's headers (SQS attributes, receipt handles) are not the
 * realm's business.
 */
final class IngestRequest implements Processor {
    static final String TOKEN_HEADER = "X-SF-Token";

    private final IngestToken token;

    IngestRequest(IngestToken token) {
        this.token = token;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getIn();
        in.removeHeaders("*");
        in.setHeader(Exchange.HTTP_METHOD, "POST");
        in.setHeader(Exchange.CONTENT_TYPE, "application/json");
        in.setHeader(TOKEN_HEADER, token.reveal());
    }

    @Override
    public String toString() {
        return "IngestRequest[token=" + token + "]";
    }
}
