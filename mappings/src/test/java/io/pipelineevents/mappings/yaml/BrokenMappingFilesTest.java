package io.pipelineevents.mappings.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pipelineevents.mappings.MappingLoadException;
import io.pipelineevents.mappings.MappingProblem;
import io.pipelineevents.mappings.MappingSet;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Each file in src/test/resources/broken and exactly what a user is told about it. */
class BrokenMappingFilesTest {

    private static String problemsIn(String file) {
        MappingLoadException failure = catchThrowableOfType(MappingLoadException.class,
                () -> MappingSet.load(Path.of("src/test/resources/broken", file)));
        assertThat(failure).as("loading %s must fail", file).isNotNull();
        return failure.getMessage();
    }

    @Test
    void yamlSyntaxErrorPointsAtTheProblemMarkAndTheOpenConstruct() {
        assertThat(problemsIn("syntax-error.yaml")).isEqualTo(
                "syntax-error.yaml:5:10: YAML syntax error: expected ',' or ']', but got :"
                        + " (while parsing a flow sequence started at line 4)");
    }

    @Test
    void unknownKeySuggestsTheNearestValidOne() {
        assertThat(problemsIn("unknown-key.yaml")).isEqualTo(
                "unknown-key.yaml:7:7: unknown key 'dimension' in event; did you mean 'dimensions'?");
    }

    @Test
    void duplicateKeyIsAnErrorInsteadOfTheLastOneWinning() {
        assertThat(problemsIn("duplicate-key.yaml")).isEqualTo(
                "duplicate-key.yaml:10:9: duplicate key 'pipeline' (first at line 8)");
    }

    @Test
    void duplicateRuleNameNamesTheFirstUse() {
        assertThat(problemsIn("duplicate-rule-name.yaml")).isEqualTo(
                "duplicate-rule-name.yaml:7:11: duplicate rule name 'pipeline' (first used at line 2)");
    }

    @Test
    void patternEventRulerRejectsIsReportedAtTheMatchNode() {
        assertThat(problemsIn("bad-pattern.yaml")).isEqualTo(
                "bad-pattern.yaml:4:7: bad match pattern: \"source\" must be an object or an array");
    }

    @Test
    void badTemplatesAreReportedAtLoadWithTheCharacterInTheTemplate() {
        assertThat(problemsIn("bad-template.yaml")).isEqualTo(String.join("\n",
                "bad-template.yaml:8:19: bad template '${detail.pipeline' in dimension 'pipeline':"
                        + " '${' is not closed with '}' at character 1",
                "bad-template.yaml:9:16: bad template '${detail.state | lowr}' in dimension 'state':"
                        + " unknown function 'lowr'; did you mean 'lower'? (known: lower, upper, default, truncate, replace, json, parseJson, path, state, epochMillis, timestamp) at character 18"));
    }

    @Test
    void unknownFunctionSuggestsTheNearestAndAWrongArgumentCountShowsHowToWriteIt() {
        assertThat(problemsIn("bad-function-name.yaml")).isEqualTo(String.join("\n",
                "bad-function-name.yaml:8:16: bad template '${detail.state | stat}' in dimension 'state':"
                        + " unknown function 'stat'; did you mean 'state'? (known: lower, upper, default, truncate, replace,"
                        + " json, parseJson, path, state, epochMillis, timestamp) at character 18",
                "bad-function-name.yaml:10:18: bad template '${detail.execution-result.external-execution-summary | truncate}'"
                        + " in property 'summary': function 'truncate' takes 1 argument, got 0; write it as truncate(n)"
                        + " at character 56"));
    }

    @Test
    void badRegexAndBadGroupReferenceAreReportedAtLoad() {
        assertThat(problemsIn("bad-regex.yaml")).isEqualTo(String.join("\n",
                "bad-regex.yaml:8:19: bad template '${detail.pipeline | replace('^(checkout-', '')}' in dimension 'pipeline':"
                        + " function 'replace': bad regex '^(checkout-': Unclosed group near index 11 at character 29",
                "bad-regex.yaml:10:14: bad template '${resources[0] | replace(':(\\d+):', ':$2:')}' in property 'arn':"
                        + " function 'replace': replacement refers to group $2 but the regex has 1 group at character 37"));
    }

    @Test
    void badFixtureReportsEveryProblemAtItsPosition() {
        io.pipelineevents.mappings.fixtures.FixtureLoadException failure = catchThrowableOfType(
                io.pipelineevents.mappings.fixtures.FixtureLoadException.class,
                () -> io.pipelineevents.mappings.fixtures.FixtureSuite.load(Path.of("src/test/resources/broken/fixtures")));
        String file = Path.of("src/test/resources/broken/fixtures/bad-fixture.yaml").toString();

        assertThat(failure.getMessage()).isEqualTo(String.join("\n",
                file + ":2:11: mappings 'codepipelin' is neither a preset (codepipeline, seed, eventbridge-forwarder)"
                        + " nor a file or directory next to the fixture; did you mean 'codepipeline'?",
                file + ":3:15: notification file '../../corpus/no-such-sample.json' not found (looked for "
                        + Path.of("src/test/resources/broken/fixtures/../../corpus/no-such-sample.json") + ")",
                file + ":6:17: dimensions must be a mapping of key: value, not a list",
                file + ":7:16: expected timestamp 'Mar 2, 2026 10:16:02 AM' is not an ISO-8601 date-time with a zone",
                file + ":8:5: unknown key 'eventTyp' in expected event; did you mean 'eventType'?",
                file + ":8:5: missing required key 'eventType' in expected event"));
    }

    @Test
    void keysIngestWouldDropAreRejected() {
        assertThat(problemsIn("invalid-dimension-key.yaml")).isEqualTo(String.join("\n",
                "invalid-dimension-key.yaml:8:9: dimension key 'sf_pipeline' is not accepted by Splunk ingest:"
                        + " it starts with the reserved prefix 'sf_'",
                "invalid-dimension-key.yaml:9:9: dimension key 'pipeline name' is not accepted by Splunk ingest:"
                        + " keys must start with a letter, contain only letters, digits, '_' and '-',"
                        + " and be at most 128 characters",
                "invalid-dimension-key.yaml:11:9: property key 'execution.id' is not accepted by Splunk ingest:"
                        + " keys must start with a letter, contain only letters, digits, '_' and '-',"
                        + " and be at most 128 characters"));
    }

    @Test
    void eventTypeWithASpaceIsRejected() {
        assertThat(problemsIn("event-type-with-space.yaml")).isEqualTo(
                "event-type-with-space.yaml:6:18: eventType 'codepipeline pipeline' is not accepted by Splunk ingest:"
                        + " eventType must not contain spaces or other whitespace");
    }

    @Test
    void tooManyDimensionsCountsTheDefaultsToo() {
        assertThat(problemsIn("too-many-dimensions.yaml")).isEqualTo(
                "too-many-dimensions.yaml:11:9: too many dimensions: 37, ingest accepts at most 36 (1 of them from defaults)");
    }

    @Test
    void wrongTypeSaysWhatWasExpectedAndWhatWasFound() {
        assertThat(problemsIn("wrong-type.yaml")).isEqualTo(
                "wrong-type.yaml:3:3: rules must be a list of rules, not a mapping");
    }

    @Test
    void missingRequiredKeyPointsAtTheRule() {
        assertThat(problemsIn("missing-required-key.yaml")).isEqualTo(
                "missing-required-key.yaml:2:5: missing required key 'match' in rule");
    }

    @Test
    void everyProblemOfAFileIsReportedInLineOrder() {
        assertThat(problemsIn("several-problems.yaml")).isEqualTo(String.join("\n",
                "several-problems.yaml:1:13: evaluation must be 'first-match' or 'all-matches', not 'first-matches';"
                        + " did you mean 'first-match'?",
                "several-problems.yaml:3:13: category 'INFO' is not one of AGENT, ALERT, AUDIT, COLLECTD, EXCEPTION, JOB,"
                        + " SERVICE_DISCOVERY, USER_DEFINED",
                "several-problems.yaml:11:19: bad template '${detail.}' in dimension 'pipeline': expected a key at character 10",
                "several-problems.yaml:13:9: property key '_id' is not accepted by Splunk ingest:"
                        + " it starts with the reserved prefix '_'",
                "several-problems.yaml:14:18: timestamp must be a single value (text, number, boolean or ${path}), not a list",
                "several-problems.yaml:15:5: missing required key 'match' in rule",
                "several-problems.yaml:16:5: unknown key 'mach' in rule; did you mean 'match'?",
                "several-problems.yaml:19:7: missing required key 'eventType' in event (and none in defaults)"));
    }

    @Test
    void aliasBombIsStoppedByTheAliasLimit() {
        assertThat(problemsIn("alias-bomb.yaml")).isEqualTo(
                "alias-bomb.yaml: YAML could not be read: Number of aliases for non-scalar nodes exceeds the specified max=20");
    }

    @Test
    void problemsCarryOneBasedPositions() {
        MappingLoadException failure = catchThrowableOfType(MappingLoadException.class,
                () -> MappingSet.load(Path.of("src/test/resources/broken/unknown-key.yaml")));

        assertThat(failure.problems()).containsExactly(new MappingProblem(
                "unknown-key.yaml", 7, 7, "unknown key 'dimension' in event; did you mean 'dimensions'?"));
    }

    @Test
    void aFileThatIsNotUtf8DoesNotHideTheProblemsOfTheOthers(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        java.nio.file.Files.write(dir.resolve("latin1.yaml"), new byte[] {'#', ' ', (byte) 0xE9, '\n'});
        java.nio.file.Files.copy(Path.of("src/test/resources/broken/unknown-key.yaml"), dir.resolve("unknown-key.yaml"));

        MappingLoadException failure = catchThrowableOfType(MappingLoadException.class, () -> MappingSet.load(dir));

        assertThat(failure.problems()).containsExactly(
                MappingProblem.withoutPosition(dir.resolve("latin1.yaml").toString(), "not UTF-8 text"),
                new MappingProblem(dir.resolve("unknown-key.yaml").toString(), 7, 7,
                        "unknown key 'dimension' in event; did you mean 'dimensions'?"));
    }

    @Test
    void aHugeFileIsRefusedBeforeItIsParsed(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("huge.yaml");
        java.nio.file.Files.writeString(file, "# padding\n".repeat(110_000) + "rules: []\n");

        MappingLoadException failure = catchThrowableOfType(MappingLoadException.class, () -> MappingSet.load(file));

        assertThat(failure).hasMessage("huge.yaml: the file has 1100010 bytes; a mapping file may have at most 1000000");
    }

    @Test
    void anEmptyMatchIsExplained(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("empty-match.yaml");
        java.nio.file.Files.writeString(file, "rules:\n  - name: x\n    match: {}\n    event: {eventType: x}\n");

        MappingLoadException failure = catchThrowableOfType(MappingLoadException.class, () -> MappingSet.load(file));

        assertThat(failure).hasMessage("empty-match.yaml:3:12: match is empty; give at least one field to match"
                + " (an EventBridge event pattern)");
    }

    @Test
    void aBadEventTypeTemplateIsNotAlsoReportedMissing(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad-event-type.yaml");
        java.nio.file.Files.writeString(file, "rules:\n  - name: x\n    match: {source: [a]}\n"
                + "    event: {eventType: \"${detail.pipeline | path('a..b')}\"}\n");

        MappingLoadException failure = catchThrowableOfType(MappingLoadException.class, () -> MappingSet.load(file));

        assertThat(failure.problems()).hasSize(1);
        assertThat(failure.getMessage()).doesNotContain("missing required key");
    }

    @Test
    void problemsOfAllFilesInADirectoryAreReportedTogether() {
        MappingLoadException failure = catchThrowableOfType(MappingLoadException.class,
                () -> MappingSet.load(Path.of("src/test/resources/broken")));

        Path folder = Path.of("src/test/resources/broken");
        assertThat(failure.problems()).extracting(MappingProblem::file).contains(
                folder.resolve("alias-bomb.yaml").toString(), folder.resolve("bad-pattern.yaml").toString(),
                folder.resolve("syntax-error.yaml").toString(), folder.resolve("unknown-key.yaml").toString(),
                folder.resolve("wrong-type.yaml").toString());
        assertThat(failure.problems()).hasSizeGreaterThanOrEqualTo(13);
    }
}
