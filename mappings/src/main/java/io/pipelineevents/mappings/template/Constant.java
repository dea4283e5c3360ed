package io.pipelineevents.mappings.template;

import com.fasterxml.jackson.databind.JsonNode;

/** A value written in the mapping as a number or boolean: it keeps that type in the event. */
public record Constant(JsonNode value) implements ValueTemplate {

    @Override
    public JsonNode render(JsonNode notification) {
        return value;
    }
}
