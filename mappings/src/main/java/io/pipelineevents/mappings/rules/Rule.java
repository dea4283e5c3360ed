package io.pipelineevents.mappings.rules;

import java.util.List;

/**
 * A named rule. {@code index} is its position in the file, which decides the evaluation order.
 * A rule either produces its events (one or more, each already merged with the file's defaults)
 * or, when {@code drop} is set, produces nothing and ends the evaluation of its file.
 */
public record Rule(String name, int index, List<EventTemplate> events, boolean drop) {

    public Rule {
        events = List.copyOf(events);
        if (drop != events.isEmpty()) {
            throw new IllegalArgumentException("a rule either drops or has events: " + name);
        }
    }

    public static Rule producing(String name, int index, List<EventTemplate> events) {
        return new Rule(name, index, events, false);
    }

    public static Rule dropping(String name, int index) {
        return new Rule(name, index, List.of(), true);
    }
}
