package io.pipelineevents.mappings.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The loaded rules of one mapping file, evaluated on their own with the file's mode. */
public final class RuleFile {

    private final String name;
    private final EvaluationMode mode;
    private final List<Rule> rules;
    private final PatternMatcher matcher;

    /** {@code rules.get(i).index()} must be {@code i}: the matcher knows rules by index. */
    public RuleFile(String name, EvaluationMode mode, List<Rule> rules, PatternMatcher matcher) {
        this.name = name;
        this.mode = mode;
        this.rules = List.copyOf(rules);
        this.matcher = matcher;
    }

    public String name() {
        return name;
    }

    public EvaluationMode mode() {
        return mode;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The rules that produce events for this notification, in file order. */
    public List<Rule> matching(JsonNode notification) {
        List<Rule> matched = matcher.matching(notification).stream().map(rules::get).toList();
        if (mode == EvaluationMode.FIRST_MATCH && matched.size() > 1) {
            return matched.subList(0, 1);
        }
        return matched;
    }
}
