package io.pipelineevents.mappings.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelineevents.mappings.MappingProblem;
import io.pipelineevents.mappings.rules.EvaluationMode;
import io.pipelineevents.mappings.rules.RuleFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parser behaviour not covered by the files in src/test/resources/broken. */
class MappingFileParserTest {

    private static List<String> problems(String yaml) {
        return MappingFileParser.parse("test.yaml", yaml).problems().stream().map(MappingProblem::toString).toList();
    }

    @Test
    void aValidFileBecomesARuleFileWithItsMode() {
        MappingFileParser.Result result = MappingFileParser.parse("ok.yaml", """
                evaluation: all-matches
                rules:
                  - name: a
                    description: documentation only
                    match: {source: [x]}
                    event: {eventType: x.a}
                """);

        assertThat(result.problems()).isEmpty();
        RuleFile file = result.file().orElseThrow();
        assertThat(file.name()).isEqualTo("ok.yaml");
        assertThat(file.mode()).isEqualTo(EvaluationMode.ALL_MATCHES);
        assertThat(file.rules()).extracting(rule -> rule.name()).containsExactly("a");
    }

    @Test
    void duplicateKeysInsideAPatternAreReportedToo() {
        assertThat(problems("""
                rules:
                  - name: a
                    match:
                      source: [x]
                      source: [y]
                    event: {eventType: x.a}
                """)).containsExactly("test.yaml:5:7: duplicate key 'source' (first at line 4)");
    }

    @Test
    void patternsWithOrAndAnythingButAreAccepted() {
        assertThat(problems("""
                rules:
                  - name: a
                    match:
                      source: [aws.codepipeline]
                      detail:
                        state: [{anything-but: [STARTED]}]
                      $or:
                        - detail-type: [{prefix: CodePipeline}]
                        - detailType: [{prefix: CodePipeline}]
                    event: {eventType: x.a}
                """)).isEmpty();
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "rules: " + "[".repeat(40) + "]".repeat(40);

        assertThat(problems(deep)).singleElement().asString().startsWith("test.yaml: YAML could not be read: Nesting Depth");
    }

    @Test
    void moreThanOneDocumentIsASyntaxError() {
        assertThat(problems("rules: []\n---\nrules: []\n")).singleElement().asString()
                .startsWith("test.yaml:2:1: YAML syntax error: but found another document");
    }

    @Test
    void anEmptyRuleListIsAnError() {
        assertThat(problems("rules: []\n")).containsExactly("test.yaml:1:8: rules is empty; add at least one rule");
    }

    @Test
    void eventTypeTemplatesMayNotHaveSpacesOutsideTheirExpressions() {
        assertThat(problems("""
                rules:
                  - name: a
                    match: {source: [x]}
                    event: {eventType: 'ci ${source}'}
                """)).containsExactly("test.yaml:4:24: eventType 'ci ${source}' is not accepted by Splunk ingest:"
                + " eventType must not contain spaces or other whitespace");
    }

    @Test
    void eventTypeMayComeFromDefaults() {
        assertThat(problems("""
                defaults:
                  eventType: ci.${source}
                rules:
                  - name: a
                    match: {source: [x]}
                    event: {}
                """)).isEmpty();
    }

    @Test
    void ruleNamesAreSafeForLogsAndMetrics() {
        assertThat(problems("""
                rules:
                  - name: my rule
                    match: {source: [x]}
                    event: {eventType: x}
                """)).containsExactly("test.yaml:2:11: rule name 'my rule' may only contain letters, digits, '.', '_'"
                + " and '-' and must start with a letter or digit");
    }

    @Test
    void unknownTopLevelKeyListsTheValidKeysWhenNothingIsClose() {
        assertThat(problems("""
                mappings: []
                rules:
                  - name: a
                    match: {source: [x]}
                    event: {eventType: x}
                """)).containsExactly(
                "test.yaml:1:1: unknown key 'mappings' in the mapping file (valid keys: evaluation, defaults, dedupe-key, rules)");
    }
}
