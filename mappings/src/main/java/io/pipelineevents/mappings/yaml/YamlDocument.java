package io.pipelineevents.mappings.yaml;

import java.io.StringReader;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one mapping file into a SnakeYAML node tree, which keeps the line and column of every value
 * so later checks can point at them. Safe mode with tight limits: mapping files are small, and a
 * file with thousands of aliases or deep nesting is an attack or a mistake.
 */
final class YamlDocument {

    static final int MAX_ALIASES = 20;
    static final int MAX_NESTING_DEPTH = 30;
    static final int MAX_CODE_POINTS = 1_000_000;

    private YamlDocument() {
    }

    /** The root node, or empty when the text is not one YAML document (the reason is in problems). */
    static Optional<Node> compose(String text, Problems problems) {
        try {
            Node root = new Yaml(new SafeConstructor(options())).compose(new StringReader(text));
            if (root == null) {
                problems.withoutPosition("the file is empty; it needs at least 'rules'");
            }
            return Optional.ofNullable(root);
        } catch (MarkedYAMLException e) {
            problems.at(e.getProblemMark(), "YAML syntax error: " + describe(e));
        } catch (YAMLException e) {
            // The size, alias and depth limits throw without a position.
            problems.withoutPosition("YAML could not be read: " + e.getMessage());
        }
        return Optional.empty();
    }

    private static String describe(MarkedYAMLException e) {
        if (e.getContext() == null) {
            return e.getProblem();
        }
        // The context names the construct left open, which is usually where the real mistake is.
        String started = e.getContextMark() == null ? "" : " started at line " + (e.getContextMark().getLine() + 1);
        return e.getProblem() + " (" + e.getContext() + started + ")";
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        // Only applies when constructing objects; compose never checks, see DuplicateKeys.
        options.setAllowDuplicateKeys(false);
        return options;
    }
}
