package io.pipelineevents.mappings;

import java.util.List;
import java.util.stream.Collectors;

/** Files could not be loaded; carries every problem found, one per line of the message, not just the first. */
public abstract class LoadProblemsException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<MappingProblem> problems;

    protected LoadProblemsException(List<MappingProblem> problems) {
        super(problems.stream().map(MappingProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a load failure needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<MappingProblem> problems() {
        return problems;
    }
}
