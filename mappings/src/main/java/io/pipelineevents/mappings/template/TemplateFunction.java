package io.pipelineevents.mappings.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A function applied with {@code | name(args)} to the value of a path.
 *
 * <p>The input may be a missing node (the path led nowhere) or a JSON null; functions that do not
 * care about absence should return such input unchanged so {@code default} later in the pipe still works.
 */
@FunctionalInterface
public interface TemplateFunction {

    JsonNode apply(JsonNode input, List<JsonNode> arguments);
}
