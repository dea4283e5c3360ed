package io.pipelineevents.mappings.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.pipelineevents.mappings.event.IngestRules;
import io.pipelineevents.mappings.rules.EventTemplate;
import io.pipelineevents.mappings.template.Constant;
import io.pipelineevents.mappings.template.Functions;
import io.pipelineevents.mappings.template.Template;
import io.pipelineevents.mappings.template.TemplateParser;
import io.pipelineevents.mappings.template.TemplateSyntaxException;
import io.pipelineevents.mappings.template.ValueTemplate;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads an {@code event} or {@code defaults} section into an {@link EventTemplate}, checking at
 * load everything that does not depend on the notification: template syntax, key names, literal
 * eventTypes and the category.
 */
final class EventSectionParser {

    static final List<String> KEYS = List.of("eventType", "category", "dimensions", "properties", "timestamp");

    /** The template and the nodes later checks point at. */
    record Parsed(EventTemplate template, Node node, Optional<Node> dimensionsNode) {
    }

    private final Problems problems;
    private final YamlValues values = new YamlValues();
    private final TemplateParser templates = new TemplateParser(Functions.standard());

    EventSectionParser(Problems problems) {
        this.problems = problems;
    }

    Optional<Parsed> parse(Node node, String sectionName) {
        return Section.read(node, sectionName, KEYS, problems).map(section -> new Parsed(
                new EventTemplate(
                        section.value("eventType").map(this::eventType).orElse(null),
                        section.value("category").map(this::category).orElse(null),
                        section.value("dimensions").map(value -> keyedValues(value, "dimension")).orElse(Map.of()),
                        section.value("properties").map(value -> keyedValues(value, "property")).orElse(Map.of()),
                        section.value("timestamp").map(value -> value(value, "timestamp")).orElse(null)),
                node,
                section.value("dimensions")));
    }

    private ValueTemplate eventType(Node node) {
        ValueTemplate eventType = value(node, "eventType");
        if (eventType instanceof Template template) {
            Optional<String> problem = template.isLiteral()
                    ? IngestRules.eventTypeProblem(template.source())
                    : IngestRules.whitespaceInEventType(template.literalText());
            problem.ifPresent(reason -> problems.at(node,
                    "eventType '" + template.source() + "' is not accepted by Splunk ingest: " + reason));
        } else if (eventType instanceof Constant constant && constant.value().isNull()) {
            problems.at(node, "eventType must not be empty");
        }
        return eventType;
    }

    private String category(Node node) {
        if (!Nodes.isText(node)) {
            problems.at(node, "category must be text, not " + Nodes.kind(node));
            return null;
        }
        String category = ((ScalarNode) node).getValue();
        IngestRules.categoryProblem(category).ifPresent(problem -> problems.at(node, problem));
        return category;
    }

    private Map<String, ValueTemplate> keyedValues(Node node, String kind) {
        Map<String, ValueTemplate> keyed = new LinkedHashMap<>();
        if (Nodes.isNull(node)) {
            return keyed;
        }
        if (!(node instanceof MappingNode mapping)) {
            String section = kind.equals("dimension") ? "dimensions" : "properties";
            problems.at(node, section + " must be a mapping of key: value, not " + Nodes.kind(node));
            return keyed;
        }
        for (NodeTuple entry : mapping.getValue()) {
            if (!(entry.getKeyNode() instanceof ScalarNode keyNode)) {
                problems.at(entry.getKeyNode(), kind + " keys must be plain text, not " + Nodes.kind(entry.getKeyNode()));
                continue;
            }
            String key = keyNode.getValue();
            IngestRules.keyProblem(key).ifPresent(problem -> problems.at(keyNode,
                    kind + " key '" + key + "' is not accepted by Splunk ingest: " + problem));
            ValueTemplate value = value(entry.getValueNode(), kind + " '" + key + "'");
            if (value != null) {
                keyed.putIfAbsent(key, value);
            }
        }
        return keyed;
    }

    /** A literal, a template or a typed constant; null after reporting a problem. */
    private ValueTemplate value(Node node, String where) {
        if (!(node instanceof ScalarNode)) {
            problems.at(node, where + " must be a single value (text, number, boolean or ${path}), not " + Nodes.kind(node));
            return null;
        }
        Object value = values.valueOf(node);
        if (value instanceof String text) {
            try {
                return templates.parse(text);
            } catch (TemplateSyntaxException e) {
                problems.at(node, "bad template '" + text + "' in " + where + ": " + e.getMessage());
                return null;
            }
        }
        JsonNode constant = constant(value);
        if (constant == null) {
            problems.at(node, where + " has a YAML type that cannot go into an event: " + node.getTag());
            return null;
        }
        return new Constant(constant);
    }

    /** Null for explicit tags such as !!binary that make no sense in an event. */
    private static JsonNode constant(Object value) {
        if (value instanceof Boolean bool) {
            return BooleanNode.valueOf(bool);
        }
        if (value instanceof Integer || value instanceof Long) {
            return LongNode.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return BigIntegerNode.valueOf(big);
        }
        if (value instanceof Double number) {
            return DoubleNode.valueOf(number);
        }
        if (value == null) {
            return NullNode.getInstance();
        }
        return null;
    }
}
