package io.pipelineevents.mappings.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One custom event exactly as the Splunk Observability {@code /v2/event} API takes it.
 *
 * <p>Maps keep the order the mapping declared their keys in, so the JSON sent is stable and reads
 * like the mapping file. A null timestamp is left out, which makes ingest use the time of receipt.
 */
@JsonPropertyOrder({"eventType", "category", "dimensions", "properties", "timestamp"})
public record SplunkEvent(
        String eventType,
        String category,
        Map<String, String> dimensions,
        Map<String, Object> properties,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long timestamp) {

    public SplunkEvent {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(category, "category");
        dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        properties.forEach(SplunkEvent::requireIngestibleType);
    }

    private static void requireIngestibleType(String key, Object value) {
        if (!(value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean)) {
            throw new IllegalArgumentException("property '" + key + "' must be a String, Long, Double or Boolean, not "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
    }
}
