package io.pipelineevents.mappings.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import software.amazon.event.ruler.GenericMachine;
import software.amazon.event.ruler.JsonRuleCompiler;

/**
 * The EventBridge-pattern matcher of one mapping file, backed by one AWS Event Ruler machine.
 *
 * <p>Patterns are registered under the rule's index so matches can be put back in file order:
 * the machine returns them in no particular order. Matching is thread-safe in Event Ruler; this
 * class only adds patterns while the file is being loaded.
 */
public final class PatternMatcher {

    private final GenericMachine<Integer> machine = GenericMachine.<Integer>builder().build();

    /**
     * Why Event Ruler rejects this pattern, or empty when it accepts it. Uses JsonRuleCompiler:
     * the older RuleCompiler wrongly rejects {@code $or} and some anything-but forms.
     */
    public static Optional<String> problemWith(String patternJson) {
        return Optional.ofNullable(JsonRuleCompiler.check(patternJson));
    }

    public void add(int ruleIndex, String patternJson) throws IOException {
        machine.addRule(ruleIndex, patternJson);
    }

    /** Indexes of the matching rules, ascending. */
    public List<Integer> matching(JsonNode notification) {
        List<Integer> matches = machine.rulesForJSONEvent(notification);
        if (matches.size() < 2) {
            // The usual case (one rule or none): nothing to sort, so no stream is set up for it.
            return List.copyOf(matches);
        }
        Integer[] ascending = matches.toArray(Integer[]::new);
        Arrays.sort(ascending);
        return List.of(ascending);
    }
}
