package io.pipelineevents.mappings.yaml;

import io.pipelineevents.mappings.template.NearestName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A YAML mapping with a fixed set of keys (the file, a rule, an event), checked on reading:
 * unknown keys are reported with the nearest valid one. The first of duplicate keys is kept;
 * {@link DuplicateKeys} reports the rest.
 */
final class Section {

    private final String name;
    private final MappingNode node;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private Section(String name, MappingNode node) {
        this.name = name;
        this.node = node;
    }

    /** Empty when the node is not a mapping (reported). */
    static Optional<Section> read(Node node, String name, List<String> validKeys, Problems problems) {
        if (!(node instanceof MappingNode mapping)) {
            problems.at(node, name + " must be a mapping with keys " + String.join(", ", validKeys)
                    + ", not " + Nodes.kind(node));
            return Optional.empty();
        }
        Section section = new Section(name, mapping);
        for (NodeTuple entry : mapping.getValue()) {
            if (!(entry.getKeyNode() instanceof ScalarNode key)) {
                problems.at(entry.getKeyNode(), "keys in " + name + " must be plain text, not " + Nodes.kind(entry.getKeyNode()));
            } else if (!validKeys.contains(key.getValue())) {
                String hint = NearestName.hint(key.getValue(), validKeys);
                problems.at(key, "unknown key '" + key.getValue() + "' in " + name
                        + (hint.isEmpty() ? " (valid keys: " + String.join(", ", validKeys) + ")" : hint));
            } else {
                section.entries.putIfAbsent(key.getValue(), entry);
            }
        }
        return Optional.of(section);
    }

    String name() {
        return name;
    }

    MappingNode node() {
        return node;
    }

    Optional<Node> value(String key) {
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
    }

    /** The value of a key that must be there; reports its absence. */
    Optional<Node> required(String key, Problems problems) {
        Optional<Node> value = value(key);
        if (value.isEmpty()) {
            problems.at(node, "missing required key '" + key + "' in " + name);
        }
        return value;
    }
}
