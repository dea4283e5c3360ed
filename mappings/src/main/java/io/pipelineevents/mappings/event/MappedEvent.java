package io.pipelineevents.mappings.event;

import java.util.List;
import java.util.Objects;

/**
 * One event the mappings made, with the rule that made it and what had to be changed so ingest
 * accepts it. An {@link IngestPolicy} decides per realm whether an event with fixes is sent.
 *
 * @param event the event, already fixed (values truncated, empty dimensions dropped...)
 * @param rule  the name of the rule that produced it
 * @param fixes each change made to the event, worded so a log line stands on its own; empty when none
 */
public record MappedEvent(SplunkEvent event, String rule, List<String> fixes) {

    public MappedEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(rule, "rule");
        fixes = List.copyOf(fixes);
    }

    public boolean fixed() {
        return !fixes.isEmpty();
    }
}
