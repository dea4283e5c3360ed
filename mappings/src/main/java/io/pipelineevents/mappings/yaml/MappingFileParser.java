package io.pipelineevents.mappings.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipelineevents.mappings.MappingProblem;
import io.pipelineevents.mappings.event.IngestRules;
import io.pipelineevents.mappings.rules.EvaluationMode;
import io.pipelineevents.mappings.rules.EventTemplate;
import io.pipelineevents.mappings.rules.PatternMatcher;
import io.pipelineevents.mappings.rules.Rule;
import io.pipelineevents.mappings.rules.RuleFile;
import io.pipelineevents.mappings.template.Functions;
import io.pipelineevents.mappings.template.NearestName;
import io.pipelineevents.mappings.template.Template;
import io.pipelineevents.mappings.template.TemplateParser;
import io.pipelineevents.mappings.template.TemplateSyntaxException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns the text of one mapping file into a {@link RuleFile}, or into the list of everything wrong
 * with it. Keeps going after a problem so a user sees all of them in one run.
 */
public final class MappingFileParser {

    static final List<String> FILE_KEYS = List.of("evaluation", "defaults", "dedupe-key", "rules");
    static final List<String> RULE_KEYS =
            List.of("name", "description", "match", "event", "events", "drop", "dedupe-key");

    // Rule names end up in logs and metric tags.
    private static final Pattern RULE_NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]*$");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Exactly one of the two is meaningful: a file when there are no problems. */
    public record Result(Optional<RuleFile> file, List<MappingProblem> problems) {
    }

    private final String fileName;
    private final Problems problems;
    private final YamlValues values = new YamlValues();
    private final EventSectionParser events;
    private final PatternMatcher matcher = new PatternMatcher();
    private final TemplateParser templates = new TemplateParser(Functions.standard());

    private MappingFileParser(String fileName) {
        this.fileName = fileName;
        this.problems = new Problems(fileName);
        this.events = new EventSectionParser(problems);
    }

    public static Result parse(String fileName, String text) {
        return new MappingFileParser(fileName).parse(text);
    }

    private Result parse(String text) {
        Optional<RuleFile> file = YamlDocument.compose(text, problems).flatMap(root -> {
            DuplicateKeys.report(root, problems);
            return Section.read(root, "the mapping file", FILE_KEYS, problems).flatMap(this::ruleFile);
        });
        return problems.any() ? new Result(Optional.empty(), problems.all()) : new Result(file, List.of());
    }

    private Optional<RuleFile> ruleFile(Section top) {
        EvaluationMode mode = top.value("evaluation").map(this::evaluationMode).orElse(EvaluationMode.FIRST_MATCH);
        EventTemplate defaults = top.value("defaults")
                .flatMap(node -> events.parse(node, "defaults"))
                .map(EventSectionParser.Parsed::template)
                .orElse(EventTemplate.EMPTY);
        Optional<Template> dedupeKey = top.value("dedupe-key").flatMap(this::dedupeKey);
        List<Rule> rules = top.required("rules", problems).map(node -> rules(node, defaults, dedupeKey))
                .orElse(List.of());
        return Optional.of(new RuleFile(fileName, mode, rules, matcher));
    }

    private EvaluationMode evaluationMode(Node node) {
        String name = node instanceof ScalarNode scalar ? scalar.getValue() : "";
        Optional<EvaluationMode> mode = EvaluationMode.fromYaml(name);
        if (mode.isEmpty()) {
            problems.at(node, "evaluation must be " + String.join(" or ", EvaluationMode.yamlNames().stream()
                    .map(valid -> "'" + valid + "'").toList()) + ", not " + describe(node)
                    + NearestName.hint(name, EvaluationMode.yamlNames()));
        }
        return mode.orElse(EvaluationMode.FIRST_MATCH);
    }

    private List<Rule> rules(Node node, EventTemplate defaults, Optional<Template> fileDedupeKey) {
        if (!(node instanceof SequenceNode list)) {
            problems.at(node, "rules must be a list of rules, not " + Nodes.kind(node));
            return List.of();
        }
        if (list.getValue().isEmpty()) {
            problems.at(node, "rules is empty; add at least one rule");
        }
        List<Rule> rules = new ArrayList<>();
        Map<String, Node> namesSeen = new HashMap<>();
        for (Node item : list.getValue()) {
            Section.read(item, "rule", RULE_KEYS, problems)
                    .flatMap(section -> rule(section, rules.size(), defaults, fileDedupeKey, namesSeen))
                    .ifPresent(rules::add);
        }
        return rules;
    }

    private Optional<Rule> rule(Section section, int index, EventTemplate defaults, Optional<Template> fileDedupeKey,
            Map<String, Node> namesSeen) {
        Optional<String> name = section.required("name", problems).flatMap(node -> ruleName(node, namesSeen));
        Optional<String> pattern = section.required("match", problems).flatMap(this::pattern);
        boolean drop = section.value("drop").map(this::drop).orElse(false);
        Optional<List<EventTemplate>> events = drop ? noEvents(section) : events(section, defaults);
        Optional<Template> dedupeKey = section.value("dedupe-key").flatMap(this::dedupeKey).or(() -> fileDedupeKey);
        if (name.isEmpty() || pattern.isEmpty() || events.isEmpty()) {
            return Optional.empty();
        }
        try {
            matcher.add(index, pattern.get());
        } catch (IOException | RuntimeException e) {
            problems.at(section.value("match").orElseThrow(), "bad match pattern: " + firstLine(e.getMessage()));
            return Optional.empty();
        }
        return Optional.of(new Rule(name.get(), index, events.get(), drop, drop ? Optional.empty() : dedupeKey));
    }

    private boolean drop(Node node) {
        if (!(node instanceof ScalarNode) || !Tag.BOOL.equals(node.getTag())) {
            problems.at(node, "drop must be true or false, not " + describe(node));
            return false;
        }
        return Boolean.TRUE.equals(values.valueOf(node));
    }

    /**
     * A template naming the notification for dedupe. One without any {@code ${path}} would give every notification
     * the same key, and every realm would skip all but the first: refused.
     */
    private Optional<Template> dedupeKey(Node node) {
        if (!(node instanceof ScalarNode scalar) || Nodes.isNull(node) || !(values.valueOf(node) instanceof String)) {
            problems.at(node, "dedupe-key must be text with at least one ${path}, not " + describe(node));
            return Optional.empty();
        }
        try {
            Template template = templates.parse(scalar.getValue());
            if (template.isLiteral()) {
                problems.at(node, "dedupe-key '" + scalar.getValue() + "' has no ${path}: every notification would"
                        + " get the same key and realms would skip all but the first");
                return Optional.empty();
            }
            return Optional.of(template);
        } catch (TemplateSyntaxException e) {
            problems.at(node, "bad template '" + scalar.getValue() + "' in dedupe-key: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** A drop rule makes no event, so an event section in it is a mistake worth pointing at. */
    private Optional<List<EventTemplate>> noEvents(Section section) {
        for (String key : List.of("event", "events", "dedupe-key")) {
            section.value(key).ifPresent(node -> problems.at(node,
                    "a rule with 'drop: true' makes no event; remove '" + key + "' or the drop"));
        }
        return Optional.of(List.of());
    }

    /** The rule's event templates, from {@code event} (one) or {@code events} (a list), merged with the defaults. */
    private Optional<List<EventTemplate>> events(Section section, EventTemplate defaults) {
        Optional<Node> single = section.value("event");
        Optional<Node> several = section.value("events");
        if (single.isPresent() && several.isPresent()) {
            problems.at(several.get(), "a rule has either 'event' or 'events', not both");
            return Optional.empty();
        }
        if (single.isEmpty() && several.isEmpty()) {
            problems.at(section.node(), "missing required key 'event' in rule (or 'events', or 'drop: true')");
            return Optional.empty();
        }
        if (single.isPresent()) {
            return events.parse(single.get(), "event").map(parsed -> List.of(completed(parsed, defaults)));
        }
        Node list = several.get();
        if (!(list instanceof SequenceNode sequence)) {
            problems.at(list, "events must be a list of events, not " + Nodes.kind(list));
            return Optional.empty();
        }
        if (sequence.getValue().isEmpty()) {
            problems.at(list, "events is empty; add at least one event, or use 'drop: true'");
            return Optional.empty();
        }
        List<EventTemplate> templates = new ArrayList<>();
        boolean complete = true;
        for (Node item : sequence.getValue()) {
            Optional<EventTemplate> template = events.parse(item, "event").map(parsed -> completed(parsed, defaults));
            template.ifPresent(templates::add);
            complete &= template.isPresent();
        }
        return complete ? Optional.of(templates) : Optional.empty();
    }

    private Optional<String> ruleName(Node node, Map<String, Node> namesSeen) {
        if (!Nodes.isText(node)) {
            problems.at(node, "name must be text, not " + describe(node));
            return Optional.empty();
        }
        String name = ((ScalarNode) node).getValue();
        if (!RULE_NAME.matcher(name).matches()) {
            problems.at(node, "rule name '" + name + "' may only contain letters, digits, '.', '_' and '-'"
                    + " and must start with a letter or digit");
            return Optional.empty();
        }
        Node first = namesSeen.putIfAbsent(name, node);
        if (first != null) {
            problems.at(node, "duplicate rule name '" + name + "' (first used at line " + Nodes.line(first) + ")");
            return Optional.empty();
        }
        return Optional.of(name);
    }

    /** The pattern as JSON for Event Ruler, if it accepts it. */
    private Optional<String> pattern(Node node) {
        if (!(node instanceof MappingNode mapping)) {
            problems.at(node, "match must be a mapping (an EventBridge event pattern), not " + describe(node));
            return Optional.empty();
        }
        if (mapping.getValue().isEmpty()) {
            problems.at(node, "match is empty; give at least one field to match (an EventBridge event pattern)");
            return Optional.empty();
        }
        String json;
        try {
            json = JSON.writeValueAsString(values.valueOf(node));
        } catch (JsonProcessingException | RuntimeException e) {
            problems.at(node, "bad match pattern: " + e.getMessage());
            return Optional.empty();
        }
        Optional<String> problem = PatternMatcher.problemWith(json);
        problem.ifPresent(reason -> problems.at(node, "bad match pattern: " + firstLine(reason)));
        return problem.isPresent() ? Optional.empty() : Optional.of(json);
    }

    /** The rule's event with the file's defaults, checked for what only the merge can tell. */
    private EventTemplate completed(EventSectionParser.Parsed parsed, EventTemplate defaults) {
        EventTemplate event = parsed.template().withDefaults(defaults);
        // An eventType that is present but failed to parse was reported already; it is not also "missing".
        if (event.eventType() == null && !hasKey(parsed.node(), "eventType")) {
            problems.at(parsed.node(), "missing required key 'eventType' in event (and none in defaults)");
        }
        int fromDefaults = event.dimensions().size() - parsed.template().dimensions().size();
        IngestRules.dimensionCountProblem(event.dimensions().size()).ifPresent(problem ->
                problems.at(parsed.dimensionsNode().orElse(parsed.node()),
                        problem + (fromDefaults > 0 ? " (" + fromDefaults + " of them from defaults)" : "")));
        IngestRules.propertyCountProblem(event.properties().size()).ifPresent(problem -> problems.at(parsed.node(), problem));
        return event;
    }

    /** Event Ruler's messages end with a Jackson location in the generated JSON, meaningless to the user. */
    private static String firstLine(String message) {
        return message == null ? "not accepted by Event Ruler" : message.lines().findFirst().orElse(message).trim();
    }

    private static boolean hasKey(Node node, String key) {
        return node instanceof MappingNode mapping && mapping.getValue().stream()
                .anyMatch(tuple -> tuple.getKeyNode() instanceof ScalarNode scalar && key.equals(scalar.getValue()));
    }

    private static String describe(Node node) {
        return node instanceof ScalarNode scalar && !Nodes.isNull(node) ? "'" + scalar.getValue() + "'" : Nodes.kind(node);
    }
}
