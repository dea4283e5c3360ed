package io.pipelineevents.mappings.yaml;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns composed nodes into plain Java values with SnakeYAML's own safe constructors, so scalars
 * get YAML's types (3 is a number, true a boolean) without resolving them by hand.
 */
final class YamlValues extends SafeConstructor {

    YamlValues() {
        super(options());
        // A date-like text stays text: patterns and templates compare strings, not java.util.Date.
        yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
    }

    /** A String, Integer, Long, BigInteger, Double, Boolean, null, List or Map. */
    Object valueOf(Node node) {
        return constructObject(node);
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        // Duplicates were already reported by DuplicateKeys; constructing must not fail on them again.
        options.setAllowDuplicateKeys(true);
        return options;
    }
}
