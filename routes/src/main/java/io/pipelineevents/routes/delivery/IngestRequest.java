package io.pipelineevents.routes.delivery;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Turns a batch into the request ingest expects: one JSON array of the events, gzip-compressed above a size (camel-http
 * compresses a body whose {@code Content-Encoding} is gzip). Every other header is removed first: camel-http sends
 * exchange headers as HTTP headers.
 */
final class IngestRequest implements Processor {
    static final String TOKEN_HEADER = "X-SF-Token";

    private final IngestToken token;
    private final int gzipAboveBytes;

    IngestRequest(IngestToken token, int gzipAboveBytes) {
        this.token = token;
        this.gzipAboveBytes = gzipAboveBytes;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        Message in = exchange.getIn();
        byte[] body = jsonArray(in.getBody(List.class));
        in.removeHeaders("*");
        in.setBody(body);
        in.setHeader(Exchange.HTTP_METHOD, "POST");
        in.setHeader(Exchange.CONTENT_TYPE, "application/json");
        if (body.length > gzipAboveBytes) {
            in.setHeader(Exchange.CONTENT_ENCODING, "gzip");
        }
        in.setHeader(TOKEN_HEADER, token.reveal());
    }

    static byte[] jsonArray(List<EncodedEvent> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(events.size() * 512 + 2);
        out.write('[');
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(events.get(i).json());
        }
        out.write(']');
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "IngestRequest[token=" + token + "]";
    }
}
