package io.pipelineevents.mappings.rules;

import io.pipelineevents.mappings.event.SplunkEvent;
import java.util.List;

/**
 * What one event template of a rule made of one notification: an event or a refusal, plus the
 * fixes applied on the way.
 */
public record Rendering(String rule, SplunkEvent event, List<String> fixes, String refusal) {

    public Rendering {
        fixes = List.copyOf(fixes);
    }

    static Rendering of(String rule, SplunkEvent event, List<String> fixes) {
        return new Rendering(rule, event, fixes, null);
    }

    static Rendering refused(String rule, String refusal, List<String> fixes) {
        return new Rendering(rule, null, fixes, refusal);
    }

    public boolean refused() {
        return event == null;
    }
}
