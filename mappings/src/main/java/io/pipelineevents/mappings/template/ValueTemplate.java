package io.pipelineevents.mappings.template;

import com.fasterxml.jackson.databind.JsonNode;

/** Produces one value of an event from a notification. */
public interface ValueTemplate {

    /**
     * The value for this notification: a JSON scalar, a JSON null, a container (which the caller
     * refuses to stringify), or {@link com.fasterxml.jackson.databind.node.MissingNode} when a path
     * led nowhere.
     */
    JsonNode render(JsonNode notification);
}
