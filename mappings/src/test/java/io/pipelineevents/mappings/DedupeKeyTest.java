package io.pipelineevents.mappings;

import static io.pipelineevents.mappings.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mapping names what makes two notifications the same with {@code dedupe-key}, per file or per rule. */
class DedupeKeyTest {

    private static final JsonNode SUCCEEDED = json("""
            {'detail-type': 'CodePipeline Pipeline Execution State Change',
             'detail': {'pipeline': 'checkout', 'execution-id': 'e-1', 'state': 'SUCCEEDED'}}""");
    private static final JsonNode WITHOUT_EXECUTION = json("""
            {'detail-type': 'CodePipeline Pipeline Execution State Change',
             'detail': {'pipeline': 'checkout', 'state': 'SUCCEEDED'}}""");

    @TempDir
    Path folder;

    private MappingSet load(String yaml) throws IOException, MappingLoadException {
        return MappingSet.load(Files.writeString(folder.resolve("keys.yaml"), yaml));
    }

    private MappingLoadException loadFailure(String yaml) {
        return catchThrowableOfType(MappingLoadException.class, () -> load(yaml));
    }

    @Test
    void theFileDedupeKeyIsRenderedForTheNotificationOfEveryRule() throws Exception {
        MappingSet mappings = load("""
                dedupe-key: "${detail.execution-id}/${detail.state}"
                rules:
                  - name: pipeline
                    match: {detail-type: [CodePipeline Pipeline Execution State Change]}
                    event: {eventType: pipeline}
                """);

        assertThat(mappings.apply(SUCCEEDED).dedupeKey()).contains("e-1/SUCCEEDED");
    }

    @Test
    void aRuleDedupeKeyTakesThePlaceOfTheFiles() throws Exception {
        MappingSet mappings = load("""
                dedupe-key: "${detail.execution-id}"
                rules:
                  - name: pipeline
                    match: {detail-type: [CodePipeline Pipeline Execution State Change]}
                    dedupe-key: "${detail.pipeline}:${detail.execution-id}:${detail.state | lower}"
                    event: {eventType: pipeline}
                """);

        assertThat(mappings.apply(SUCCEEDED).dedupeKey()).contains("checkout:e-1:succeeded");
    }

    @Test
    void aKeyWithAMissingPathIsNoKeySoTheSourceIdsDecide() throws Exception {
        MappingSet mappings = load("""
                dedupe-key: "${detail.execution-id}/${detail.state}"
                rules:
                  - name: pipeline
                    match: {detail-type: [CodePipeline Pipeline Execution State Change]}
                    event: {eventType: pipeline}
                """);

        MappingOutcome outcome = mappings.apply(WITHOUT_EXECUTION);

        assertThat(outcome.events()).hasSize(1);
        assertThat(outcome.dedupeKey()).isEmpty();
    }

    @Test
    void withoutADedupeKeyTheOutcomeHasNone() throws Exception {
        MappingSet mappings = load("""
                rules:
                  - name: pipeline
                    match: {detail-type: [CodePipeline Pipeline Execution State Change]}
                    event: {eventType: pipeline}
                """);

        assertThat(mappings.apply(SUCCEEDED).dedupeKey()).isEmpty();
    }

    @Test
    void theFirstRuleThatMadeAnEventGivesTheKey() throws Exception {
        MappingSet mappings = load("""
                evaluation: all-matches
                rules:
                  - name: without-key
                    match: {detail-type: [CodePipeline Pipeline Execution State Change]}
                    event: {eventType: first}
                  - name: keyed
                    match: {detail-type: [CodePipeline Pipeline Execution State Change]}
                    dedupe-key: "second:${detail.execution-id}"
                    event: {eventType: second}
                  - name: keyed-later
                    match: {detail-type: [CodePipeline Pipeline Execution State Change]}
                    dedupe-key: "third:${detail.execution-id}"
                    event: {eventType: third}
                """);

        assertThat(mappings.apply(SUCCEEDED).dedupeKey()).contains("second:e-1");
    }

    @Test
    void aKeyWithoutAnyPathIsRefusedBecauseItWouldMakeEveryNotificationADuplicate() {
        MappingLoadException failure = loadFailure("""
                dedupe-key: "always-the-same"
                rules:
                  - name: pipeline
                    match: {source: [aws.codepipeline]}
                    event: {eventType: pipeline}
                """);

        assertThat(failure).hasMessage("keys.yaml:1:13: dedupe-key 'always-the-same' has no ${path}: every"
                + " notification would get the same key and realms would skip all but the first");
    }

    @Test
    void aBadDedupeKeyTemplateIsReportedAtItsPosition() {
        MappingLoadException failure = loadFailure("""
                rules:
                  - name: pipeline
                    match: {source: [aws.codepipeline]}
                    dedupe-key: "${detail.execution-id | lowr}"
                    event: {eventType: pipeline}
                """);

        assertThat(failure.getMessage()).startsWith("keys.yaml:4:17: bad template '${detail.execution-id | lowr}' in"
                + " dedupe-key: unknown function 'lowr'; did you mean 'lower'?");
    }

    @Test
    void aDedupeKeyThatIsNotTextIsRefused() {
        MappingLoadException failure = loadFailure("""
                dedupe-key: [a, b]
                rules:
                  - name: pipeline
                    match: {source: [aws.codepipeline]}
                    event: {eventType: pipeline}
                """);

        assertThat(failure).hasMessage("keys.yaml:1:13: dedupe-key must be text with at least one ${path}, not a list");
    }

    @Test
    void aDedupeKeyOnADropRuleIsPointedOut() {
        MappingLoadException failure = loadFailure("""
                rules:
                  - name: ignore
                    match: {source: [aws.codepipeline]}
                    drop: true
                    dedupe-key: "${id}"
                """);

        assertThat(failure).hasMessage("keys.yaml:5:17: a rule with 'drop: true' makes no event; remove 'dedupe-key'"
                + " or the drop");
    }
}
