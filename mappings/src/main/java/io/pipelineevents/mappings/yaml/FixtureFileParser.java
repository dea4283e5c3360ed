package io.pipelineevents.mappings.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pipelineevents.mappings.MappingLoadException;
import io.pipelineevents.mappings.MappingProblem;
import io.pipelineevents.mappings.MappingSet;
import io.pipelineevents.mappings.event.EpochMillis;
import io.pipelineevents.mappings.event.IngestRules;
import io.pipelineevents.mappings.fixtures.FixtureCase;
import io.pipelineevents.mappings.template.NearestName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one fixture file: a notification (inline, or a path relative to the fixture file), the exact
 * list of expected events, and optionally the mappings to use (a preset name or a path).
 *
 * <p>One parser can read many files: mappings named by several fixtures are loaded once.
 */
public final class FixtureFileParser {

    static final List<String> FIXTURE_KEYS = List.of("name", "description", "mappings", "notification", "expect");
    static final List<String> EVENT_KEYS = EventSectionParser.KEYS;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * A fixture when there are no problems. {@code mappingFile} is true for a mapping file (a YAML file
     * with top-level {@code rules}), which is not a fixture: it has neither fixture nor problems.
     */
    public record Result(Optional<FixtureCase> fixture, List<MappingProblem> problems, boolean mappingFile) {

        Result(Optional<FixtureCase> fixture, List<MappingProblem> problems) {
            this(fixture, problems, false);
        }
    }

    private final Map<String, MappingSet> loadedMappings = new HashMap<>();
    private final Map<String, List<MappingProblem>> brokenMappings = new HashMap<>();

    public Result parse(Path file, String text) {
        Problems problems = new Problems(file.toString());
        Optional<Node> document = YamlDocument.compose(text, problems);
        if (document.isPresent() && isMappingFile(document.get())) {
            return new Result(Optional.empty(), List.of(), true);
        }
        Optional<FixtureCase> fixture = document.flatMap(root -> {
            DuplicateKeys.report(root, problems);
            return Section.read(root, "the fixture", FIXTURE_KEYS, problems)
                    .flatMap(section -> fixture(section, file, problems));
        });
        return problems.any() ? new Result(Optional.empty(), problems.all()) : new Result(fixture, List.of());
    }

    private static boolean isMappingFile(Node root) {
        return root instanceof MappingNode mapping && mapping.getValue().stream().anyMatch(entry ->
                entry.getKeyNode() instanceof ScalarNode key && key.getValue().equals("rules"));
    }

    private Optional<FixtureCase> fixture(Section section, Path file, Problems problems) {
        YamlValues values = new YamlValues();
        String name = section.value("name").filter(Nodes::isText).map(node -> ((ScalarNode) node).getValue())
                .orElse(file.getFileName().toString());
        section.value("name").filter(node -> !Nodes.isText(node))
                .ifPresent(node -> problems.at(node, "name must be text, not " + Nodes.kind(node)));
        Optional<MappingSet> mappings = section.value("mappings").flatMap(node -> mappings(node, file, problems));
        Optional<JsonNode> notification = section.required("notification", problems)
                .flatMap(node -> notification(node, file, values, problems));
        Optional<List<ObjectNode>> expected = section.required("expect", problems)
                .flatMap(node -> expected(node, values, problems));
        if (notification.isEmpty() || expected.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FixtureCase(name, file.toString(), notification.get(), mappings, expected.get()));
    }

    private Optional<MappingSet> mappings(Node node, Path file, Problems problems) {
        if (!Nodes.isText(node)) {
            problems.at(node, "mappings must be a preset name (" + String.join(", ", MappingSet.presetNames())
                    + ") or a path, not " + Nodes.kind(node));
            return Optional.empty();
        }
        String value = ((ScalarNode) node).getValue();
        boolean preset = MappingSet.presetNames().contains(value);
        String key = preset ? "preset:" + value : file.toAbsolutePath().resolveSibling(value).normalize().toString();
        if (!preset && !Files.exists(Path.of(key))) {
            problems.at(node, "mappings '" + value + "' is neither a preset (" + String.join(", ", MappingSet.presetNames())
                    + ") nor a file or directory next to the fixture"
                    + NearestName.hint(value, MappingSet.presetNames()));
            return Optional.empty();
        }
        if (!loadedMappings.containsKey(key) && !brokenMappings.containsKey(key)) {
            try {
                loadedMappings.put(key, preset ? MappingSet.preset(value) : MappingSet.load(Path.of(key)));
            } catch (MappingLoadException e) {
                brokenMappings.put(key, e.problems());
            }
        }
        brokenMappings.getOrDefault(key, List.of()).forEach(problem ->
                problems.at(node, "mappings '" + value + "' could not be loaded: " + problem));
        return Optional.ofNullable(loadedMappings.get(key));
    }

    private Optional<JsonNode> notification(Node node, Path file, YamlValues values, Problems problems) {
        if (node instanceof MappingNode) {
            return Optional.of(JSON.valueToTree(values.valueOf(node)));
        }
        if (!Nodes.isText(node)) {
            problems.at(node, "notification must be a mapping (the notification itself) or the path of a JSON file,"
                    + " not " + Nodes.kind(node));
            return Optional.empty();
        }
        String value = ((ScalarNode) node).getValue();
        Path path = file.resolveSibling(value);
        if (!Files.isRegularFile(path)) {
            problems.at(node, "notification file '" + value + "' not found (looked for " + path + ")");
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(Files.readString(path)));
        } catch (IOException e) {
            problems.at(node, "notification file '" + value + "' is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
            return Optional.empty();
        }
    }

    private Optional<List<ObjectNode>> expected(Node node, YamlValues values, Problems problems) {
        if (!(node instanceof SequenceNode list)) {
            problems.at(node, "expect must be a list of events ([] when no event is expected), not " + Nodes.kind(node));
            return Optional.empty();
        }
        List<ObjectNode> events = new ArrayList<>();
        boolean complete = true;
        for (Node item : list.getValue()) {
            Optional<ObjectNode> event = Section.read(item, "expected event", EVENT_KEYS, problems)
                    .flatMap(section -> expectedEvent(section, values, problems));
            event.ifPresent(events::add);
            complete &= event.isPresent();
        }
        return complete ? Optional.of(events) : Optional.empty();
    }

    /** The event in the JSON form of SplunkEvent, so it compares field by field with what the mappings make. */
    private Optional<ObjectNode> expectedEvent(Section section, YamlValues values, Problems problems) {
        int before = problems.all().size();
        ObjectNode event = NODES.objectNode();
        section.required("eventType", problems).ifPresent(node -> {
            if (Nodes.isText(node)) {
                event.put("eventType", ((ScalarNode) node).getValue());
            } else {
                problems.at(node, "eventType must be text, not " + Nodes.kind(node));
            }
        });
        String category = section.value("category").filter(Nodes::isText)
                .map(node -> ((ScalarNode) node).getValue()).orElse(IngestRules.DEFAULT_CATEGORY);
        section.value("category").filter(node -> !Nodes.isText(node))
                .ifPresent(node -> problems.at(node, "category must be text, not " + Nodes.kind(node)));
        event.put("category", category);
        event.set("dimensions", keyed(section.value("dimensions"), "dimensions", true, values, problems));
        event.set("properties", keyed(section.value("properties"), "properties", false, values, problems));
        section.value("timestamp").ifPresent(node -> timestamp(node, values, problems)
                .ifPresent(millis -> event.put("timestamp", millis)));
        return problems.all().size() == before ? Optional.of(event) : Optional.empty();
    }

    private ObjectNode keyed(Optional<Node> section, String name, boolean asText, YamlValues values, Problems problems) {
        ObjectNode keyed = NODES.objectNode();
        if (section.isEmpty() || Nodes.isNull(section.get())) {
            return keyed;
        }
        if (!(section.get() instanceof MappingNode mapping)) {
            problems.at(section.get(), name + " must be a mapping of key: value, not " + Nodes.kind(section.get()));
            return keyed;
        }
        for (NodeTuple entry : mapping.getValue()) {
            Node value = entry.getValueNode();
            if (!(entry.getKeyNode() instanceof ScalarNode key) || !(value instanceof ScalarNode) || Nodes.isNull(value)) {
                problems.at(value, "each of " + name + " must be key: value with a text, number or boolean value");
                continue;
            }
            JsonNode json = JSON.valueToTree(values.valueOf(value));
            // Dimensions are always text in an event: 'build: 3' in a fixture means "3".
            keyed.set(key.getValue(), asText && !json.isTextual() ? NODES.textNode(((ScalarNode) value).getValue()) : json);
        }
        return keyed;
    }

    private Optional<Long> timestamp(Node node, YamlValues values, Problems problems) {
        Object value = node instanceof ScalarNode ? values.valueOf(node) : null;
        EpochMillis.Result millis = value instanceof String || value instanceof Number
                ? EpochMillis.from(JSON.valueToTree(value))
                : new EpochMillis.Result(null, "must be epoch milliseconds or an ISO-8601 date-time with a zone");
        if (millis.problem() != null) {
            problems.at(node, "expected timestamp " + millis.problem());
            return Optional.empty();
        }
        return Optional.of(millis.millis());
    }
}
