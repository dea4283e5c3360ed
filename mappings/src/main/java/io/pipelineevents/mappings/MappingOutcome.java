package io.pipelineevents.mappings;

import io.pipelineevents.mappings.event.IngestPolicy;
import io.pipelineevents.mappings.event.MappedEvent;
import io.pipelineevents.mappings.event.SplunkEvent;
import java.util.List;
import java.util.Optional;

/**
 * What the mappings made of one notification.
 *
 * @param mapped       the valid events, each with its rule and its fixes, in file and rule order
 * @param matchedRules names of the rules that were applied, in order: those that produced events, those whose
 *                     event was refused, and drop rules
 * @param refusals     events that could not be made valid, each naming the rule and the reason; refused under
 *                     every {@link IngestPolicy}
 * @param dropped      names of the drop rules that matched: the notification was dropped on purpose by them
 * @param dedupeKey    the {@code dedupe-key} of the first rule that made an event and has one, when it rendered
 */
public record MappingOutcome(List<MappedEvent> mapped, List<String> matchedRules, List<String> refusals,
        List<String> dropped, Optional<String> dedupeKey) {

    public MappingOutcome {
        mapped = List.copyOf(mapped);
        matchedRules = List.copyOf(matchedRules);
        refusals = List.copyOf(refusals);
        dropped = List.copyOf(dropped);
    }

    /** The valid events to send under {@link IngestPolicy#SANITIZE}, in order. */
    public List<SplunkEvent> events() {
        return mapped.stream().map(MappedEvent::event).toList();
    }

    /** What had to be changed so ingest would accept the events (value truncated, dimension dropped...). */
    public List<String> fixes() {
        return mapped.stream().flatMap(event -> event.fixes().stream()).toList();
    }

    /** The events a realm with this policy gets; {@link #refusals()} are refused under any policy and not included. */
    public IngestPolicy.Admission admit(IngestPolicy policy) {
        return policy.admit(mapped);
    }

    /** True when any rule matched, even if its event was refused or it was a drop rule. */
    public boolean matched() {
        return !matchedRules.isEmpty();
    }

    /** True when a drop rule matched; {@link #dropped()} names it. */
    public boolean wasDropped() {
        return !dropped.isEmpty();
    }
}
