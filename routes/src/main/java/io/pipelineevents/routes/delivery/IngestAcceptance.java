package io.pipelineevents.routes.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Checks that ingest accepted a request. Official clients treat any answer but {@code "OK"} as a failure; so do we.
 * Non-2xx answers never get here: camel-http raises them as HttpOperationFailedException.
 */
final class IngestAcceptance implements Processor {
    static final String ACCEPTED = "\"OK\"";
    static final String EVENT_COUNT = "pipelineEventsEventCount";

    private final String realm;
    private final Counter delivered;

    IngestAcceptance(String realm, MeterRegistry meters) {
        this.realm = realm;
        this.delivered = DeliveryMetrics.delivered(meters, realm);
    }

    @Override
    public void process(Exchange exchange) {
        String answer = exchange.getIn().getBody(String.class);
        if (answer == null || !ACCEPTED.equals(answer.trim())) {
            throw new RealmRejectedException(realm, answer == null ? "an empty body"
                    : "'" + abbreviate(answer.trim()) + "'");
        }
        delivered.increment(exchange.getProperty(EVENT_COUNT, 0, Integer.class));
    }

    static int countOf(Object body) {
        return body instanceof List<?> list ? list.size() : 0;
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }
}
