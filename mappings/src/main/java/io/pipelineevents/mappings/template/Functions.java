package io.pipelineevents.mappings.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The registry of functions a template may pipe values through; their arity is checked at load. */
public final class Functions {

    /** A function with its name and the number of arguments it takes. */
    public record Definition(String name, int minArguments, int maxArguments, TemplateFunction function) {

        public String arity() {
            if (minArguments == maxArguments) {
                return maxArguments == 1 ? "1 argument" : maxArguments + " arguments";
            }
            return minArguments + " to " + maxArguments + " arguments";
        }
    }

    private static final Functions STANDARD = new Functions(Map.of())
            .with(new Definition("lower", 0, 0, onText(text -> text.toLowerCase(Locale.ROOT))))
            .with(new Definition("upper", 0, 0, onText(text -> text.toUpperCase(Locale.ROOT))))
            .with(new Definition("default", 1, 1, Functions::defaultValue));

    private final Map<String, Definition> definitions;

    private Functions(Map<String, Definition> definitions) {
        this.definitions = Collections.unmodifiableMap(new LinkedHashMap<>(definitions));
    }

    public static Functions standard() {
        return STANDARD;
    }

    /** A registry with one more function (or a replacement); registries themselves never change. */
    public Functions with(Definition definition) {
        Map<String, Definition> extended = new LinkedHashMap<>(definitions);
        extended.put(definition.name(), definition);
        return new Functions(extended);
    }

    public Optional<Definition> find(String name) {
        return Optional.ofNullable(definitions.get(name));
    }

    public Set<String> names() {
        return definitions.keySet();
    }

    private static TemplateFunction onText(UnaryOperator<String> operation) {
        // Numbers, booleans and absent values pass through: lower(3) is still 3, and default() can follow.
        return (input, arguments) -> input.isTextual() ? TextNode.valueOf(operation.apply(input.textValue())) : input;
    }

    private static JsonNode defaultValue(JsonNode input, List<JsonNode> arguments) {
        return input.isMissingNode() || input.isNull() ? arguments.get(0) : input;
    }
}
