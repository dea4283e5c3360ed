package io.pipelineevents.mappings.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How many rules of one file may turn a notification into events. */
public enum EvaluationMode {

    /** Only the first matching rule, in file order, produces an event. */
    FIRST_MATCH("first-match"),
    /** Every matching rule produces an event, in file order. */
    ALL_MATCHES("all-matches");

    private final String yamlName;

    EvaluationMode(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static Optional<EvaluationMode> fromYaml(String name) {
        return Arrays.stream(values()).filter(mode -> mode.yamlName.equals(name)).findFirst();
    }

    public static List<String> yamlNames() {
        return Arrays.stream(values()).map(EvaluationMode::yamlName).toList();
    }
}
