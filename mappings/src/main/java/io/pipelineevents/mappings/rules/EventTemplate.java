package io.pipelineevents.mappings.rules;

import io.pipelineevents.mappings.template.ValueTemplate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code event} part of a rule (or the file's {@code defaults}): how to build one Splunk event.
 *
 * <p>Any part may be absent (null, or missing from a map) so that defaults can fill it in. A value
 * that renders JSON null leaves its key out of the event, which is how a rule removes a default
 * ({@code region: ~}).
 */
public record EventTemplate(
        ValueTemplate eventType,
        String category,
        Map<String, ValueTemplate> dimensions,
        Map<String, ValueTemplate> properties,
        ValueTemplate timestamp) {

    public static final EventTemplate EMPTY = new EventTemplate(null, null, Map.of(), Map.of(), null);

    public EventTemplate {
        dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /**
     * This template with the gaps filled from {@code defaults}. Own values win; in the maps, own keys
     * keep their order and the defaults' other keys follow.
     */
    public EventTemplate withDefaults(EventTemplate defaults) {
        return new EventTemplate(
                eventType != null ? eventType : defaults.eventType,
                category != null ? category : defaults.category,
                merge(dimensions, defaults.dimensions),
                merge(properties, defaults.properties),
                timestamp != null ? timestamp : defaults.timestamp);
    }

    private static Map<String, ValueTemplate> merge(Map<String, ValueTemplate> own, Map<String, ValueTemplate> defaults) {
        Map<String, ValueTemplate> merged = new LinkedHashMap<>(own);
        defaults.forEach(merged::putIfAbsent);
        return merged;
    }
}
