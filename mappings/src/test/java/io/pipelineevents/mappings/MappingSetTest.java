package io.pipelineevents.mappings;

import static io.pipelineevents.mappings.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipelineevents.mappings.event.SplunkEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading files and directories, evaluation order and defaults. */
class MappingSetTest {

    private static final JsonNode FAILED_STAGE = json("""
            {'source': 'aws.codepipeline', 'detail-type': 'CodePipeline Stage Execution State Change',
             'region': 'us-east-1', 'time': '2026-03-02T10:19:42Z',
             'detail': {'pipeline': 'checkout', 'stage': 'Build', 'state': 'FAILED', 'version': 3.0,
                        'pipeline-execution-attempt': 1.0, 'retried': false}}""");

    /** Two rules that both match a FAILED stage event: the general one comes first. */
    private static final String TWO_MATCHING_RULES = """
            rules:
              - name: any-stage
                match:
                  detail-type: [CodePipeline Stage Execution State Change]
                event:
                  eventType: stage
              - name: failed-stage
                match:
                  detail-type: [CodePipeline Stage Execution State Change]
                  detail:
                    state: [FAILED]
                event:
                  eventType: stage.failed
            """;

    @TempDir
    Path folder;

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(folder.resolve(name), yaml);
    }

    private static List<String> eventTypes(MappingOutcome outcome) {
        return outcome.events().stream().map(SplunkEvent::eventType).toList();
    }

    @Test
    void firstMatchTakesTheFirstMatchingRuleInFileOrder() throws Exception {
        MappingSet mappings = MappingSet.load(write("stages.yaml", TWO_MATCHING_RULES));

        MappingOutcome outcome = mappings.apply(FAILED_STAGE);

        assertThat(eventTypes(outcome)).containsExactly("stage");
        assertThat(outcome.matchedRules()).containsExactly("any-stage");
    }

    @Test
    void allMatchesMakesOneEventPerMatchingRuleInFileOrder() throws Exception {
        MappingSet mappings = MappingSet.load(write("stages.yaml", "evaluation: all-matches\n" + TWO_MATCHING_RULES));

        MappingOutcome outcome = mappings.apply(FAILED_STAGE);

        assertThat(eventTypes(outcome)).containsExactly("stage", "stage.failed");
        assertThat(outcome.matchedRules()).containsExactly("any-stage", "failed-stage");
    }

    @Test
    void aNotificationNoRuleMatchesGivesAnEmptyOutcome() throws Exception {
        MappingSet mappings = MappingSet.load(write("stages.yaml", TWO_MATCHING_RULES));

        MappingOutcome outcome = mappings.apply(json("{'source': 'aws.codebuild'}"));

        assertThat(outcome.matched()).isFalse();
        assertThat(outcome.events()).isEmpty();
        assertThat(outcome.fixes()).isEmpty();
        assertThat(outcome.refusals()).isEmpty();
    }

    @Test
    void defaultsFillWhatTheRuleLeavesOutAndTheRuleWins() throws Exception {
        MappingSet mappings = MappingSet.load(write("defaults.yaml", """
                defaults:
                  category: AUDIT
                  dimensions:
                    region: ${region}
                    state: default-state
                  properties:
                    source: ${source}
                  timestamp: ${time}
                rules:
                  - name: stage
                    match:
                      source: [aws.codepipeline]
                    event:
                      eventType: codepipeline.stage
                      dimensions:
                        pipeline: ${detail.pipeline}
                        state: ${detail.state}
                """));

        SplunkEvent event = mappings.apply(FAILED_STAGE).events().get(0);

        assertThat(event.category()).isEqualTo("AUDIT");
        assertThat(event.dimensions()).containsExactly(
                Map.entry("pipeline", "checkout"), Map.entry("state", "FAILED"), Map.entry("region", "us-east-1"));
        assertThat(event.properties()).containsExactly(Map.entry("source", "aws.codepipeline"));
        assertThat(event.timestamp()).isEqualTo(1772446782000L);
    }

    @Test
    void aRuleRemovesADefaultWithNull() throws Exception {
        MappingSet mappings = MappingSet.load(write("defaults.yaml", """
                defaults:
                  dimensions:
                    region: ${region}
                  timestamp: ${time}
                rules:
                  - name: stage
                    match:
                      source: [aws.codepipeline]
                    event:
                      eventType: codepipeline.stage
                      dimensions:
                        region: ~
                      timestamp: null
                """));

        SplunkEvent event = mappings.apply(FAILED_STAGE).events().get(0);

        assertThat(event.dimensions()).isEmpty();
        assertThat(event.timestamp()).isNull();
    }

    @Test
    void categoryDefaultsToUserDefined() throws Exception {
        MappingSet mappings = MappingSet.load(write("stages.yaml", TWO_MATCHING_RULES));

        assertThat(mappings.apply(FAILED_STAGE).events().get(0).category()).isEqualTo("USER_DEFINED");
    }

    @Test
    void singleExpressionPropertiesKeepTheirJsonTypeAndIntegralDoublesBecomeIntegers() throws Exception {
        MappingSet mappings = MappingSet.load(write("typed.yaml", """
                rules:
                  - name: stage
                    match:
                      source: [aws.codepipeline]
                    event:
                      eventType: codepipeline.stage
                      dimensions:
                        version: ${detail.version}
                        retried: ${detail.retried}
                      properties:
                        version: ${detail.version}
                        attempt: ${detail.pipeline-execution-attempt}
                        retried: ${detail.retried}
                        label: v${detail.version}
                        fixed_number: 42
                        fixed_ratio: 0.25
                        fixed_flag: true
                        quoted_number: '42'
                """));

        SplunkEvent event = mappings.apply(FAILED_STAGE).events().get(0);

        assertThat(event.dimensions()).containsExactly(Map.entry("version", "3"), Map.entry("retried", "false"));
        assertThat(event.properties()).containsExactly(
                Map.entry("version", 3L),
                Map.entry("attempt", 1L),
                Map.entry("retried", false),
                Map.entry("label", "v3"),
                Map.entry("fixed_number", 42L),
                Map.entry("fixed_ratio", 0.25),
                Map.entry("fixed_flag", true),
                Map.entry("quoted_number", "42"));
    }

    @Test
    void filesAreEvaluatedOnTheirOwnAndConcatenatedInFileNameOrder() throws Exception {
        write("b-second.yaml", TWO_MATCHING_RULES);
        write("a-first.yml", """
                evaluation: all-matches
                rules:
                  - name: everything
                    match:
                      source: [{exists: true}]
                    event:
                      eventType: audit.everything
                """);
        write("README.md", "not a mapping");

        MappingOutcome outcome = MappingSet.load(folder).apply(FAILED_STAGE);

        assertThat(eventTypes(outcome)).containsExactly("audit.everything", "stage");
        assertThat(outcome.matchedRules()).containsExactly("everything", "any-stage");
    }

    @Test
    void describeNamesTheFilesAndCountsTheRules() throws Exception {
        write("b.yaml", TWO_MATCHING_RULES);
        write("a.yml", TWO_MATCHING_RULES.replace("any-stage", "other"));

        assertThat(MappingSet.load(folder).describe())
                .isEqualTo("2 files, 4 rules (" + folder.resolve("a.yml") + ", " + folder.resolve("b.yaml") + ")");
        assertThat(MappingSet.load(folder.resolve("b.yaml")).describe()).isEqualTo("1 file, 2 rules (b.yaml)");
    }

    @Test
    void aDirectoryWithoutMappingFilesIsAnError() throws Exception {
        write("notes.txt", "nothing here");

        MappingLoadException failure = catchThrowableOfType(MappingLoadException.class, () -> MappingSet.load(folder));

        assertThat(failure).hasMessage(folder + ": no mapping file (*.yaml or *.yml) in this directory");
    }

    @Test
    void aPathThatDoesNotExistIsAnError() {
        Path missing = folder.resolve("missing.yaml");

        MappingLoadException failure = catchThrowableOfType(MappingLoadException.class, () -> MappingSet.load(missing));

        assertThat(failure).hasMessage(missing + ": no such mapping file or directory");
    }

    @Test
    void aFileThatIsNotUtf8IsAnError() throws Exception {
        Files.write(folder.resolve("latin1.yaml"), new byte[] {'r', 'u', 'l', 'e', 's', ':', ' ', (byte) 0xE9});

        MappingLoadException failure = catchThrowableOfType(MappingLoadException.class, () -> MappingSet.load(folder));

        assertThat(failure).hasMessage(folder.resolve("latin1.yaml") + ": not UTF-8 text");
    }

    @Test
    void anEmptyFileIsAnError() throws Exception {
        MappingLoadException failure = catchThrowableOfType(MappingLoadException.class,
                () -> MappingSet.load(write("empty.yaml", "# only a comment\n")));

        assertThat(failure).hasMessage("empty.yaml: the file is empty; it needs at least 'rules'");
    }

    @Test
    void threePresetsAreShippedAndLoad() throws Exception {
        assertThat(MappingSet.presetNames()).containsExactly("codepipeline", "seed", "eventbridge-forwarder");
        assertThat(MappingSet.preset("codepipeline").describe()).isEqualTo("1 file, 4 rules (codepipeline.yaml)");
        assertThat(MappingSet.preset("seed").describe()).isEqualTo("1 file, 1 rule (seed.yaml)");
        assertThat(MappingSet.preset("eventbridge-forwarder").describe())
                .isEqualTo("1 file, 1 rule (eventbridge-forwarder.yaml)");
    }

    @Test
    void anUnknownPresetNamesTheKnownOnes() {
        MappingLoadException failure = catchThrowableOfType(MappingLoadException.class,
                () -> MappingSet.preset("jenkins"));

        assertThat(failure).hasMessage("preset 'jenkins': unknown preset; known presets: codepipeline, seed, eventbridge-forwarder");
    }

    @Test
    void presetNamesCannotReachOtherResources() {
        assertThat(catchThrowableOfType(MappingLoadException.class, () -> MappingSet.preset("../presets/codepipeline")))
                .hasMessageContaining("unknown preset");
    }

    @Test
    void applyIsSafeFromManyThreadsAtOnce() throws Exception {
        MappingSet preset = MappingSet.preset("codepipeline");
        List<String> samples = List.of("eventbridge-pipeline-started.json", "eventbridge-stage-failed.json",
                "eventbridge-action-failed-codebuild.json", "codepipeline-manual-approval-sns-message.json");
        Map<String, MappingOutcome> expected = new java.util.HashMap<>();
        for (String sample : samples) {
            expected.put(sample, preset.apply(Corpus.notification(sample)));
        }

        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger mismatches = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    String sample = samples.get(i % samples.size());
                    if (!preset.apply(Corpus.notification(sample)).equals(expected.get(sample))) {
                        mismatches.incrementAndGet();
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(mismatches).hasValue(0);
    }
}
