package io.pipelineevents.mappings.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipelineevents.mappings.event.EpochMillis;
import io.pipelineevents.mappings.event.IngestRules;
import io.pipelineevents.mappings.event.SplunkEvent;
import io.pipelineevents.mappings.template.JsonText;
import io.pipelineevents.mappings.template.ValueTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the Splunk event of a matched rule and makes it acceptable to ingest.
 *
 * <p>Ingest drops bad events silently, so every value is checked here: what can be fixed is fixed
 * and written down as a fix; an event whose eventType cannot be made valid is refused. Missing
 * paths and JSON nulls simply leave their key out, which is normal (fields come and go by event
 * type and age) and therefore not reported.
 */
public final class EventRenderer {

    /**
     * Whether ingest accepts each key met so far. Keys are literals of the templates, never data, so this holds no
     * more entries than the mappings have keys. It spares checking every key of every event again, which took a
     * quarter of the time to map a notification.
     */
    private final Map<String, Boolean> keyAccepted = new ConcurrentHashMap<>();

    /** One rendering per event template of the rule, in order; none for a drop rule. */
    public List<Rendering> render(Rule rule, JsonNode notification) {
        List<Rendering> renderings = new ArrayList<>();
        for (int i = 0; i < rule.events().size(); i++) {
            String label = "rule '" + rule.name() + "'" + (rule.events().size() > 1 ? " event " + (i + 1) : "");
            renderings.add(render(rule.name(), label, rule.events().get(i), notification));
        }
        return renderings;
    }

    /**
     * Renders one event template. {@code label} starts every fix and refusal, e.g. {@code rule 'r'}
     * or {@code rule 'r' event 2}.
     */
    public Rendering render(String rule, String label, EventTemplate template, JsonNode notification) {
        Notes notes = new Notes(label);

        Optional<String> eventType = eventType(template.eventType(), notification, notes);
        Map<String, String> dimensions = dimensions(template.dimensions(), notification, notes);
        Map<String, Object> properties = properties(template.properties(), notification, notes);
        Long timestamp = timestamp(template.timestamp(), notification, notes);
        if (eventType.isEmpty()) {
            return Rendering.refused(rule, notes.refusal, notes.fixes);
        }
        String category = template.category() != null ? template.category() : IngestRules.DEFAULT_CATEGORY;
        return Rendering.of(rule, new SplunkEvent(eventType.get(), category, dimensions, properties, timestamp),
                notes.fixes);
    }

    private Optional<String> eventType(ValueTemplate template, JsonNode notification, Notes notes) {
        JsonNode value = template.render(notification);
        if (value.isMissingNode() || value.isNull()) {
            notes.refuse("eventType rendered nothing (its path is missing or null)");
            return Optional.empty();
        }
        if (value.isContainerNode()) {
            notes.refuse("eventType rendered " + describe(value));
            return Optional.empty();
        }
        String eventType = JsonText.of(value);
        Optional<String> problem = IngestRules.eventTypeProblem(eventType);
        problem.ifPresent(notes::refuse);
        return problem.isPresent() ? Optional.empty() : Optional.of(eventType);
    }

    private Map<String, String> dimensions(Map<String, ValueTemplate> templates, JsonNode notification, Notes notes) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        templates.forEach((declared, template) -> {
            String key = ingestibleKey(declared, "dimension", notes);
            JsonNode value = usable(template.render(notification), "dimension", key, notes);
            if (value == null) {
                return;
            }
            String text = JsonText.of(value);
            if (text.isEmpty()) {
                notes.fix("dimension", key, "value is empty; dimension dropped");
                return;
            }
            dimensions.put(key, fitted(text, "dimension", key, notes));
        });
        return dimensions;
    }

    private Map<String, Object> properties(Map<String, ValueTemplate> templates, JsonNode notification, Notes notes) {
        Map<String, Object> properties = new LinkedHashMap<>();
        templates.forEach((declared, template) -> {
            String key = ingestibleKey(declared, "property", notes);
            JsonNode value = usable(template.render(notification), "property", key, notes);
            if (value != null) {
                properties.put(key, propertyValue(value, key, notes));
            }
        });
        return properties;
    }

    private Object propertyValue(JsonNode value, String key, Notes notes) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            // Integral doubles (CodePipeline's 3.0) become integers; the value is the same number.
            boolean integral = value.isIntegralNumber() || value.doubleValue() == Math.rint(value.doubleValue());
            if (integral && value.canConvertToLong()) {
                return value.longValue();
            }
            return value.doubleValue();
        }
        return fitted(JsonText.of(value), "property", key, notes);
    }

    private Long timestamp(ValueTemplate template, JsonNode notification, Notes notes) {
        if (template == null) {
            return null;
        }
        JsonNode value = usable(template.render(notification), "timestamp", null, notes);
        if (value == null) {
            return null;
        }
        EpochMillis.Result millis = EpochMillis.from(value);
        if (millis.problem() != null) {
            notes.fix("timestamp", null, millis.problem() + "; timestamp omitted");
        }
        return millis.millis();
    }

    /**
     * The key itself, or a sanitised one (with a fix) if ingest would refuse it. Keys are literals
     * checked at load, so this only guards templates built in code; keys never come from data.
     */
    private String ingestibleKey(String key, String kind, Notes notes) {
        Boolean accepted = keyAccepted.get(key);
        if (accepted == null) {
            // Not computeIfAbsent: it allocated here (JMH -prof gc) though each key is known after its first use.
            accepted = IngestRules.keyProblem(key).isEmpty();
            keyAccepted.put(key, accepted);
        }
        if (accepted) {
            return key;
        }
        String sanitized = IngestRules.sanitizeKey(key);
        notes.fix(kind, key, "key renamed to '" + sanitized + "' for ingest");
        return sanitized;
    }

    /** The value if it can go into an event; null (with a fix note for containers) when it cannot. */
    private static JsonNode usable(JsonNode value, String kind, String key, Notes notes) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isContainerNode()) {
            notes.fix(kind, key, "value is " + describe(value) + ", which is not turned into text; left out");
            return null;
        }
        return value;
    }

    private static String fitted(String text, String kind, String key, Notes notes) {
        if (!IngestRules.valueTooLong(text)) {
            return text;
        }
        notes.fix(kind, key,
                "value truncated from " + text.length() + " to " + IngestRules.MAX_VALUE_LENGTH + " characters");
        return IngestRules.truncate(text);
    }

    private static String describe(JsonNode container) {
        return container.isArray() ? "a JSON array" : "a JSON object";
    }

    /** Collects what happened to one rule's event, worded so a log line stands on its own. */
    private static final class Notes {

        private final String label;
        private final List<String> fixes = new ArrayList<>();
        private String refusal;

        Notes(String label) {
            this.label = label;
        }

        /**
         * Notes a fix to {@code kind} ("dimension", "property", "timestamp"), naming its {@code key} when it has
         * one. Kind and key are kept apart so that the words are only put together for the rare event with a fix.
         */
        void fix(String kind, String key, String what) {
            fixes.add(label + " " + kind + (key == null ? "" : " '" + key + "'") + ": " + what);
        }

        void refuse(String reason) {
            refusal = label + ": " + reason + "; event refused";
        }
    }
}
