package io.pipelineevents.mappings.rules;

import io.pipelineevents.mappings.event.SplunkEvent;
import java.util.List;

/** What one rule made of one notification: an event or a refusal, plus the fixes applied on the way. */
public record Rendering(SplunkEvent event, List<String> fixes, String refusal) {

    public Rendering {
        fixes = List.copyOf(fixes);
    }

    static Rendering of(SplunkEvent event, List<String> fixes) {
        return new Rendering(event, fixes, null);
    }

    static Rendering refused(String refusal, List<String> fixes) {
        return new Rendering(null, fixes, refusal);
    }

    public boolean refused() {
        return event == null;
    }
}
