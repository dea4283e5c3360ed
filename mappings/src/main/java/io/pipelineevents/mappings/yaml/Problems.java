package io.pipelineevents.mappings.yaml;

import io.pipelineevents.mappings.MappingProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** Collects the problems of one mapping file, turning SnakeYAML's 0-based marks into 1-based positions. */
public final class Problems {

    private final String file;
    private final List<MappingProblem> found = new ArrayList<>();

    public Problems(String file) {
        this.file = file;
    }

    public void at(Node node, String message) {
        at(node.getStartMark(), message);
    }

    public void at(Mark mark, String message) {
        if (mark == null) {
            found.add(MappingProblem.withoutPosition(file, message));
        } else {
            found.add(new MappingProblem(file, mark.getLine() + 1, mark.getColumn() + 1, message));
        }
    }

    public void withoutPosition(String message) {
        found.add(MappingProblem.withoutPosition(file, message));
    }

    public boolean any() {
        return !found.isEmpty();
    }

    /** In file order, so a reader can fix them top to bottom. */
    public List<MappingProblem> all() {
        return found.stream()
                .sorted(Comparator.comparingInt(MappingProblem::line).thenComparingInt(MappingProblem::column))
                .toList();
    }
}
