package io.pipelineevents.mappings.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses template text into a {@link Template}, so every syntax error surfaces at load.
 *
 * <pre>
 * template   := ( literal | "$${" | "${" expression "}" )*      "$${" is a literal "${"
 * expression := path ( "|" function )*
 * path       := ( key | bracket ) ( "." key | bracket )*
 * bracket    := "[" ( digits | 'quoted' | "quoted" ) "]"
 * function   := name [ "(" argument ( "," argument )* ")" ]
 * argument   := 'quoted' | "quoted" | number
 * </pre>
 * Spaces are allowed around paths, pipes and arguments.
 */
public final class TemplateParser {

    private static final String NOT_IN_KEYS = ".[]|{}'\"(),";

    private final Functions functions;

    public TemplateParser(Functions functions) {
        this.functions = functions;
    }

    public Template parse(String source) throws TemplateSyntaxException {
        return new Cursor(source).template();
    }

    /** A path on its own, as the argument of {@code path('a.b')} takes it. */
    static JsonPath path(String source) throws TemplateSyntaxException {
        Cursor cursor = new TemplateParser(Functions.standard()).new Cursor(source);
        JsonPath path = cursor.path();
        if (!cursor.atEnd()) {
            throw cursor.error("unexpected '" + cursor.current() + "' after the path");
        }
        return path;
    }

    /** One parse of one text; keeps the position so errors can point at it. */
    private final class Cursor {

        private final String text;
        private int position;

        Cursor(String text) {
            this.text = text;
        }

        Template template() throws TemplateSyntaxException {
            List<Template.Part> parts = new ArrayList<>();
            StringBuilder literal = new StringBuilder();
            while (!atEnd()) {
                if (text.startsWith("$${", position)) {
                    literal.append("${");
                    position += 3;
                } else if (text.startsWith("${", position)) {
                    if (literal.length() > 0) {
                        parts.add(new Template.Literal(literal.toString()));
                        literal.setLength(0);
                    }
                    parts.add(expression());
                } else {
                    literal.append(text.charAt(position++));
                }
            }
            if (literal.length() > 0) {
                parts.add(new Template.Literal(literal.toString()));
            }
            return new Template(text, parts);
        }

        private Template.Expression expression() throws TemplateSyntaxException {
            int opening = position;
            position += 2;
            skipSpaces();
            JsonPath path = path();
            skipSpaces();
            List<Template.Call> calls = new ArrayList<>();
            while (at('|')) {
                position++;
                skipSpaces();
                calls.add(call());
                skipSpaces();
            }
            if (atEnd()) {
                throw errorAt("'${' is not closed with '}'", opening);
            }
            if (!at('}')) {
                throw error("expected '|' or '}' but found '" + current() + "'");
            }
            position++;
            return new Template.Expression(path, calls);
        }

        private JsonPath path() throws TemplateSyntaxException {
            List<JsonPath.Segment> segments = new ArrayList<>();
            if (atEnd() || at('}') || at('|')) {
                throw error("expected a path");
            }
            segments.add(at('[') ? bracket() : new JsonPath.Key(key()));
            while (at('.') || at('[')) {
                if (at('.')) {
                    position++;
                    segments.add(new JsonPath.Key(key()));
                } else {
                    segments.add(bracket());
                }
            }
            return new JsonPath(segments);
        }

        private String key() throws TemplateSyntaxException {
            int start = position;
            while (!atEnd() && isKeyCharacter(current())) {
                position++;
            }
            if (start == position) {
                throw error("expected a key");
            }
            return text.substring(start, position);
        }

        private JsonPath.Segment bracket() throws TemplateSyntaxException {
            position++;
            JsonPath.Segment segment;
            if (at('\'') || at('"')) {
                segment = new JsonPath.Key(quoted());
            } else {
                String digits = digits();
                if (digits.isEmpty()) {
                    throw error("expected an array index or a quoted key after '['");
                }
                segment = new JsonPath.Index(Integer.parseInt(digits));
            }
            expect(']');
            return segment;
        }

        private Template.Call call() throws TemplateSyntaxException {
            int start = position;
            while (!atEnd() && Character.isLetterOrDigit(current())) {
                position++;
            }
            String name = text.substring(start, position);
            if (name.isEmpty()) {
                throw error("expected a function name after '|'");
            }
            Optional<Functions.Definition> definition = functions.find(name);
            if (definition.isEmpty()) {
                throw errorAt("unknown function '" + name + "'" + NearestName.hint(name, functions.names())
                        + " (known: " + String.join(", ", functions.names()) + ")", start);
            }
            List<Integer> starts = new ArrayList<>();
            List<JsonNode> arguments = at('(') ? arguments(starts) : List.of();
            Functions.Definition found = definition.get();
            if (arguments.size() < found.minArguments() || arguments.size() > found.maxArguments()) {
                throw errorAt("function '" + name + "' takes " + found.arity() + ", got " + arguments.size()
                        + (found.usage().equals(name) ? "" : "; write it as " + found.usage()), start);
            }
            try {
                return new Template.Call(found, arguments, found.binder().bind(arguments));
            } catch (Functions.BadArgument e) {
                throw errorAt("function '" + name + "': " + e.getMessage(), starts.get(e.index()));
            }
        }

        private List<JsonNode> arguments(List<Integer> starts) throws TemplateSyntaxException {
            position++;
            List<JsonNode> arguments = new ArrayList<>();
            skipSpaces();
            if (at(')')) {
                position++;
                return arguments;
            }
            while (true) {
                skipSpaces();
                starts.add(position);
                arguments.add(argument());
                skipSpaces();
                if (at(')')) {
                    position++;
                    return arguments;
                }
                expect(',');
            }
        }

        private JsonNode argument() throws TemplateSyntaxException {
            if (at('\'') || at('"')) {
                return TextNode.valueOf(quoted());
            }
            int start = position;
            if (at('-')) {
                position++;
            }
            String whole = digits();
            if (whole.isEmpty()) {
                position = start;
                throw error("expected a quoted text or a number as argument");
            }
            if (at('.')) {
                position++;
                if (digits().isEmpty()) {
                    throw error("expected digits after '.'");
                }
                return DoubleNode.valueOf(Double.parseDouble(text.substring(start, position)));
            }
            return LongNode.valueOf(Long.parseLong(text.substring(start, position)));
        }

        /**
         * A text in single or double quotes. A backslash escapes the quote and itself; any other backslash
         * is kept, so a regex such as {@code '\d+'} reads as written.
         */
        private String quoted() throws TemplateSyntaxException {
            int opening = position;
            char quote = text.charAt(position++);
            StringBuilder value = new StringBuilder();
            while (!atEnd() && !at(quote)) {
                if (at('\\') && position + 1 < text.length()
                        && (text.charAt(position + 1) == quote || text.charAt(position + 1) == '\\')) {
                    position++;
                }
                value.append(text.charAt(position++));
            }
            if (atEnd()) {
                throw errorAt("quoted text is not closed", opening);
            }
            position++;
            return value.toString();
        }

        private String digits() {
            int start = position;
            while (!atEnd() && current() >= '0' && current() <= '9') {
                position++;
            }
            return text.substring(start, position);
        }

        private void expect(char expected) throws TemplateSyntaxException {
            if (!at(expected)) {
                throw error("expected '" + expected + "'" + (atEnd() ? "" : " but found '" + current() + "'"));
            }
            position++;
        }

        private void skipSpaces() {
            while (!atEnd() && Character.isWhitespace(current())) {
                position++;
            }
        }

        private boolean isKeyCharacter(char c) {
            return !Character.isWhitespace(c) && NOT_IN_KEYS.indexOf(c) < 0;
        }

        private boolean at(char c) {
            return !atEnd() && current() == c;
        }

        private boolean atEnd() {
            return position >= text.length();
        }

        private char current() {
            return text.charAt(position);
        }

        private TemplateSyntaxException error(String reason) {
            return errorAt(reason, position);
        }

        private TemplateSyntaxException errorAt(String reason, int index) {
            return new TemplateSyntaxException(reason, index + 1);
        }
    }
}
