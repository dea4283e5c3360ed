package io.pipelineevents.mappings.yaml;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Words for node kinds in messages, and the checks that use them. */
final class Nodes {

    private Nodes() {
    }

    static String kind(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return isNull(node) ? "empty" : "a single value";
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    static boolean isText(Node node) {
        return node instanceof ScalarNode && Tag.STR.equals(node.getTag());
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
