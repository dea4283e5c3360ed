package io.pipelineevents.routes.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The realm used when none is configured: each Splunk event as one JSON line on stdout, exactly as it would be
 * POSTed. Nothing else is written to stdout (logs go to stderr), so the output can be piped into jq or a file.
 */
final class ConsoleRealm implements Processor {
    private final PrintStream out;
    private final Counter delivered;

    ConsoleRealm(PrintStream out, MeterRegistry meters) {
        this.out = out;
        this.delivered = DeliveryMetrics.delivered(meters, Realm.CONSOLE);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        List<EncodedEvent> events = exchange.getIn().getBody(List.class);
        StringBuilder lines = new StringBuilder();
        for (EncodedEvent event : events) {
            lines.append(new String(event.json(), StandardCharsets.UTF_8)).append(System.lineSeparator());
        }
        // One write per batch keeps lines whole when several workers print at once.
        synchronized (out) {
            out.print(lines);
            out.flush();
        }
        delivered.increment(events.size());
    }
}
