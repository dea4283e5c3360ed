package io.pipelineevents.mappings;

import java.util.List;

/** Mapping files could not be loaded. */
public final class MappingLoadException extends LoadProblemsException {

    private static final long serialVersionUID = 1L;

    public MappingLoadException(List<MappingProblem> problems) {
        super(problems);
    }
}
