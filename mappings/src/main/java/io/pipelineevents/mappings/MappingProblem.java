package io.pipelineevents.mappings;

/**
 * One thing wrong with a mapping file, at a 1-based line and column.
 *
 * <p>Problems that belong to no position in a file (a missing directory, an unknown preset) carry
 * line and column 0 and print without them.
 */
public record MappingProblem(String file, int line, int column, String message) {

    public static MappingProblem withoutPosition(String file, String message) {
        return new MappingProblem(file, 0, 0, message);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column + ": " + message : file + ": " + message;
    }
}
