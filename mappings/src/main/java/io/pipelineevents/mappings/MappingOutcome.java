package io.pipelineevents.mappings;

import io.pipelineevents.mappings.event.SplunkEvent;
import java.util.List;

/**
 * What the mappings made of one notification.
 *
 * @param events       the valid events to send, in file and rule order
 * @param matchedRules names of the rules whose pattern matched, including those whose event was refused
 * @param fixes        what had to be changed so ingest would accept an event (value truncated, dimension dropped...)
 * @param refusals     events that could not be made valid, each naming the rule and the reason
 */
public record MappingOutcome(
        List<SplunkEvent> events, List<String> matchedRules, List<String> fixes, List<String> refusals) {

    public MappingOutcome {
        events = List.copyOf(events);
        matchedRules = List.copyOf(matchedRules);
        fixes = List.copyOf(fixes);
        refusals = List.copyOf(refusals);
    }

    /** True when any rule matched, even if its event was refused. */
    public boolean matched() {
        return !matchedRules.isEmpty();
    }
}
