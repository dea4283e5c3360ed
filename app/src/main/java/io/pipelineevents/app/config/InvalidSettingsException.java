package io.pipelineevents.app.config;

import java.util.List;

/** Every problem found in the configuration, reported together so that one edit can fix them all. */
public class InvalidSettingsException extends Exception {
    private final List<String> problems;

    public InvalidSettingsException(List<String> problems) {
        super("invalid configuration:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
