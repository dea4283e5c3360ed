package io.pipelineevents.mappings.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.pipelineevents.mappings.event.EpochMillis;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The registry of functions a template may pipe values through. Arity and arguments (a regex, a
 * date pattern, a path) are checked when the template is parsed, so mistakes surface at load.
 *
 * <p>Every function passes a missing value through unchanged, so {@code default} later in the pipe works.
 */
public final class Functions {

    /**
     * Turns the arguments written in a template into the function to apply, checking them first.
     * Called once at load.
     */
    @FunctionalInterface
    public interface Binder {
        UnaryOperator<JsonNode> bind(List<JsonNode> arguments) throws BadArgument;
    }

    /** An argument a function cannot work with; {@code index} is 0-based. */
    public static final class BadArgument extends Exception {

        private static final long serialVersionUID = 1L;

        private final int index;

        public BadArgument(int index, String reason) {
            super(reason);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }

    /** A function with its name, the number of arguments it takes and how it is written. */
    public record Definition(String name, int minArguments, int maxArguments, String usage, Binder binder) {

        /** A function whose arguments need no checking beyond their number. */
        public Definition(String name, int minArguments, int maxArguments, TemplateFunction function) {
            this(name, minArguments, maxArguments, name, arguments -> input -> function.apply(input, arguments));
        }

        public String arity() {
            if (minArguments == maxArguments) {
                return maxArguments == 1 ? "1 argument" : maxArguments + " arguments";
            }
            return minArguments + " to " + maxArguments + " arguments";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final Functions STANDARD = new Functions(Map.of())
            .with(new Definition("lower", 0, 0, onText(text -> text.toLowerCase(Locale.ROOT))))
            .with(new Definition("upper", 0, 0, onText(text -> text.toUpperCase(Locale.ROOT))))
            .with(new Definition("default", 1, 1, Functions::defaultValue))
            .with(new Definition("truncate", 1, 1, "truncate(n)", Functions::truncate))
            .with(new Definition("replace", 2, 2, "replace('regex', 'replacement')", Functions::replace))
            .with(new Definition("json", 0, 0, (input, arguments) -> json(input)))
            .with(new Definition("parseJson", 0, 0, (input, arguments) -> parseJson(input)))
            .with(new Definition("path", 1, 1, "path('a.b[0]')", Functions::path))
            .with(new Definition("state", 0, 0, onText(States::normalise)))
            .with(new Definition("epochMillis", 0, 0, (input, arguments) -> epochMillis(input)))
            .with(new Definition("timestamp", 1, 1, "timestamp('MMM d, yyyy h:mm:ss a')", Functions::timestamp));

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

    private static UnaryOperator<JsonNode> truncate(List<JsonNode> arguments) throws BadArgument {
        JsonNode length = arguments.get(0);
        if (!length.isIntegralNumber() || length.longValue() < 1 || length.longValue() > Integer.MAX_VALUE) {
            throw new BadArgument(0, "truncate needs a whole number of characters of at least 1, not " + length);
        }
        int limit = length.intValue();
        return input -> {
            if (!input.isTextual() || input.textValue().length() <= limit) {
                return input;
            }
            String text = input.textValue();
            int end = Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
            return TextNode.valueOf(text.substring(0, end));
        };
    }

    private static UnaryOperator<JsonNode> replace(List<JsonNode> arguments) throws BadArgument {
        Pattern pattern;
        try {
            pattern = Pattern.compile(text(arguments, 0, "replace"));
        } catch (PatternSyntaxException e) {
            throw new BadArgument(0, "bad regex '" + e.getPattern() + "': " + e.getDescription()
                    + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
        }
        String replacement = text(arguments, 1, "replace");
        checkReplacement(pattern, replacement);
        return input -> input.isTextual() ? TextNode.valueOf(pattern.matcher(input.textValue()).replaceAll(replacement)) : input;
    }

    /** Java's replacement syntax, checked at load: $n must name a group of the regex, ${name} a named group. */
    private static void checkReplacement(Pattern pattern, String replacement) throws BadArgument {
        int groups = pattern.matcher("").groupCount();
        for (int i = 0; i < replacement.length(); i++) {
            char c = replacement.charAt(i);
            if (c == '\\') {
                if (++i >= replacement.length()) {
                    throw new BadArgument(1, "replacement ends with a lone '\\'; write '\\\\' for a backslash");
                }
            } else if (c == '$') {
                char next = i + 1 < replacement.length() ? replacement.charAt(i + 1) : ' ';
                if (Character.isDigit(next)) {
                    if (next - '0' > groups) {
                        throw new BadArgument(1, "replacement refers to group $" + next + " but the regex has "
                                + groups + (groups == 1 ? " group" : " groups"));
                    }
                } else if (next == '{') {
                    int close = replacement.indexOf('}', i);
                    String name = close < 0 ? "" : replacement.substring(i + 2, close);
                    if (name.isEmpty() || !pattern.pattern().contains("(?<" + name + ">")) {
                        throw new BadArgument(1, "replacement refers to group ${" + name + "}, which the regex does not name");
                    }
                } else {
                    throw new BadArgument(1, "'$' in a replacement starts a group reference ($1, ${name});"
                            + " write '\\$' for a dollar sign");
                }
            }
        }
    }

    /** Objects and arrays as compact JSON text; null and booleans as their JSON text; text and numbers unchanged. */
    static JsonNode json(JsonNode input) {
        if (input.isContainerNode() || input.isNull() || input.isBoolean()) {
            return TextNode.valueOf(input.toString());
        }
        return input;
    }

    /** The JSON held in a text; missing when the text is not JSON. Other values pass through. */
    static JsonNode parseJson(JsonNode input) {
        if (!input.isTextual()) {
            return input;
        }
        try {
            JsonNode parsed = JSON.readTree(input.textValue());
            return parsed == null ? MissingNode.getInstance() : parsed;
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    private static UnaryOperator<JsonNode> path(List<JsonNode> arguments) throws BadArgument {
        String text = text(arguments, 0, "path");
        JsonPath path;
        try {
            path = TemplateParser.path(text);
        } catch (TemplateSyntaxException e) {
            throw new BadArgument(0, "bad path '" + text + "': " + e.reason() + " (character " + e.position() + " of the path)");
        }
        return path::resolve;
    }

    private static JsonNode epochMillis(JsonNode input) {
        return EpochMillis.fromAnyFormat(input).<JsonNode>map(LongNode::valueOf).orElse(input);
    }

    private static UnaryOperator<JsonNode> timestamp(List<JsonNode> arguments) throws BadArgument {
        String pattern = text(arguments, 0, "timestamp");
        DateTimeFormatter formatter;
        try {
            formatter = DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH);
        } catch (IllegalArgumentException e) {
            throw new BadArgument(0, "bad date-time pattern '" + pattern + "': " + e.getMessage());
        }
        return input -> input.isTextual()
                ? EpochMillis.fromPattern(input.textValue(), formatter).<JsonNode>map(LongNode::valueOf).orElse(input)
                : input;
    }

    private static String text(List<JsonNode> arguments, int index, String function) throws BadArgument {
        JsonNode argument = arguments.get(index);
        if (!argument.isTextual()) {
            throw new BadArgument(index, function + " needs a quoted text here, not " + argument);
        }
        return argument.textValue();
    }
}
