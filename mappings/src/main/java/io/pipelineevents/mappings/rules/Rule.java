package io.pipelineevents.mappings.rules;

import io.pipelineevents.mappings.template.Template;
import java.util.List;
import java.util.Optional;

/**
 * A named rule. {@code index} is its position in the file, which decides the evaluation order.
 * A rule either produces its events (one or more, each already merged with the file's defaults)
 * or, when {@code drop} is set, produces nothing and ends the evaluation of its file.
 * {@code dedupeKey} is the rule's own {@code dedupe-key}, else its file's: what names the notification for dedupe.
 */
public record Rule(String name, int index, List<EventTemplate> events, boolean drop, Optional<Template> dedupeKey) {

    public Rule {
        events = List.copyOf(events);
        if (drop != events.isEmpty()) {
            throw new IllegalArgumentException("a rule either drops or has events: " + name);
        }
    }

    public static Rule producing(String name, int index, List<EventTemplate> events) {
        return new Rule(name, index, events, false, Optional.empty());
    }

    public static Rule dropping(String name, int index) {
        return new Rule(name, index, List.of(), true, Optional.empty());
    }
}
