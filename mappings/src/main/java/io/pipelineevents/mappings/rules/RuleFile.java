package io.pipelineevents.mappings.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
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

    /**
     * The rules that apply to this notification, in file order: under first-match the first matching
     * rule, under all-matches every matching rule up to and including the first matching drop rule.
     */
    public List<Rule> matching(JsonNode notification) {
        List<Rule> applied = new ArrayList<>();
        for (int index : matcher.matching(notification)) {
            Rule rule = rules.get(index);
            applied.add(rule);
            if (rule.drop() || mode == EvaluationMode.FIRST_MATCH) {
                break;
            }
        }
        return applied;
    }
}
