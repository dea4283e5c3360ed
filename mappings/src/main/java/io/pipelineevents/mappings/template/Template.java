package io.pipelineevents.mappings.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A text with {@code ${path | function}} expressions, parsed once at load.
 *
 * <p>A template that is exactly one expression yields the JSON value itself, so numbers and booleans
 * keep their type. Otherwise the result is text; if any expression in it is missing or null the
 * whole value is missing, because half a sentence is worse than none.
 */
public final class Template implements ValueTemplate {

    sealed interface Part permits Literal, Expression {
    }

    record Literal(String text) implements Part {
    }

    record Expression(JsonPath path, List<Call> calls) implements Part {

        JsonNode evaluate(JsonNode notification) {
            JsonNode value = path.resolve(notification);
            // Indexed: most expressions have no call, and this runs for every value of every event.
            for (int i = 0; i < calls.size(); i++) {
                value = calls.get(i).function().apply(value);
            }
            return value;
        }
    }

    /** A function with its arguments bound at load. */
    record Call(Functions.Definition definition, List<JsonNode> arguments, UnaryOperator<JsonNode> function) {
    }

    private final String source;
    private final List<Part> parts;

    Template(String source, List<Part> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
    }

    public String source() {
        return source;
    }

    public boolean isLiteral() {
        return parts.stream().noneMatch(Expression.class::isInstance);
    }

    /** The text outside the expressions, e.g. to check an eventType template for spaces at load. */
    public String literalText() {
        return parts.stream()
                .filter(Literal.class::isInstance)
                .map(part -> ((Literal) part).text())
                .collect(Collectors.joining());
    }

    @Override
    public JsonNode render(JsonNode notification) {
        if (parts.size() == 1 && parts.get(0) instanceof Expression expression) {
            return expression.evaluate(notification);
        }
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                text.append(literal.text());
                continue;
            }
            JsonNode value = ((Expression) part).evaluate(notification);
            if (value.isMissingNode() || value.isNull()) {
                return MissingNode.getInstance();
            }
            if (value.isContainerNode()) {
                return value;
            }
            text.append(JsonText.of(value));
        }
        return TextNode.valueOf(text.toString());
    }

    @Override
    public String toString() {
        return source;
    }
}
