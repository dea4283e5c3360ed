package io.pipelineevents.mappings.yaml;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reports keys written twice in the same mapping, anywhere in the file.
 *
 * <p>SnakeYAML's compose does not check this, and when constructing it lets the last value win
 * silently: a second {@code dimensions:} would quietly replace the first.
 */
final class DuplicateKeys {

    private DuplicateKeys() {
    }

    static void report(Node root, Problems problems) {
        walk(root, problems, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static void walk(Node node, Problems problems, Set<Node> visited) {
        // Aliases make the tree a graph; visit each node once.
        if (!visited.add(node)) {
            return;
        }
        if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(item -> walk(item, problems, visited));
        } else if (node instanceof MappingNode mapping) {
            Map<String, Node> firstByKey = new HashMap<>();
            for (NodeTuple entry : mapping.getValue()) {
                if (entry.getKeyNode() instanceof ScalarNode key) {
                    Node first = firstByKey.putIfAbsent(key.getValue(), key);
                    if (first != null) {
                        problems.at(key, "duplicate key '" + key.getValue() + "' (first at line "
                                + (first.getStartMark().getLine() + 1) + ")");
                    }
                }
                walk(entry.getValueNode(), problems, visited);
            }
        }
    }
}
