package io.pipelineevents.mappings.template;

import java.util.Locale;
import java.util.Map;

/**
 * The {@code state} function: one spelling per state across CI/CD sources. Applied only where a
 * mapping asks for it; the presets pass states on as sent.
 */
final class States {

    /** Spellings (lower case, '-' and ' ' read as '_') and the state they mean. docs/mappings.md shows this table. */
    static final Map<String, String> SPELLINGS = Map.ofEntries(
            Map.entry("started", "STARTED"), Map.entry("start", "STARTED"), Map.entry("in_progress", "STARTED"),
            Map.entry("inprogress", "STARTED"), Map.entry("running", "STARTED"),
            Map.entry("succeeded", "SUCCEEDED"), Map.entry("success", "SUCCEEDED"), Map.entry("successful", "SUCCEEDED"),
            Map.entry("passed", "SUCCEEDED"),
            Map.entry("failed", "FAILED"), Map.entry("failure", "FAILED"), Map.entry("fail", "FAILED"),
            Map.entry("canceled", "CANCELED"), Map.entry("cancelled", "CANCELED"), Map.entry("aborted", "CANCELED"),
            Map.entry("stopped", "STOPPED"), Map.entry("stop", "STOPPED"),
            Map.entry("stopping", "STOPPING"),
            Map.entry("superseded", "SUPERSEDED"),
            Map.entry("resumed", "RESUMED"),
            Map.entry("abandoned", "ABANDONED"),
            Map.entry("queued", "QUEUED"), Map.entry("pending", "QUEUED"),
            Map.entry("skipped", "SKIPPED"));

    private States() {
    }

    /** The canonical state, or the text in upper case with '-' and ' ' as '_' when it is not in the table. */
    static String normalise(String state) {
        String key = state.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return SPELLINGS.getOrDefault(key, key.toUpperCase(Locale.ROOT));
    }
}
