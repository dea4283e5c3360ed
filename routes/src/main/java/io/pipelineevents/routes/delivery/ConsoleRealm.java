package io.pipelineevents.routes.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pipelineevents.mappings.event.SplunkEvent;
import java.io.PrintStream;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The realm used when none is configured: each Splunk event as one JSON line on stdout, exactly as it would be
 * POSTed. Nothing else is written to stdout (logs go to stderr), so the output can be piped into jq or a file.
 */
final class ConsoleRealm implements Processor {
    private final PrintStream out;
    private final ObjectMapper json;
    private final Counter delivered;

    ConsoleRealm(PrintStream out, ObjectMapper json, MeterRegistry meters) {
        this.out = out;
        this.json = json;
        this.delivered = DeliveryMetrics.delivered(meters, Realm.CONSOLE);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) throws JsonProcessingException {
        List<SplunkEvent> events = exchange.getIn().getBody(List.class);
        StringBuilder lines = new StringBuilder();
        for (SplunkEvent event : events) {
            lines.append(json.writeValueAsString(event)).append(System.lineSeparator());
        }
        // One write per notification keeps lines whole when several consumers print at once.
        synchronized (out) {
            out.print(lines);
            out.flush();
        }
        delivered.increment(events.size());
    }
}
