package io.pipelineevents.mappings;

import static io.pipelineevents.mappings.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipelineevents.mappings.event.IngestPolicy;
import io.pipelineevents.mappings.event.MappedEvent;
import io.pipelineevents.mappings.event.SplunkEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several events from one rule, drop rules, and what the outcome says about each event. */
class RuleSemanticsTest {

    private static final JsonNode FAILED_STAGE = json("""
            {'source': 'aws.codepipeline', 'detail-type': 'CodePipeline Stage Execution State Change',
             'region': 'us-east-1', 'detail': {'pipeline': 'checkout', 'stage': 'Build', 'state': 'FAILED'}}""");
    private static final JsonNode STARTED_STAGE = json("""
            {'source': 'aws.codepipeline', 'detail-type': 'CodePipeline Stage Execution State Change',
             'region': 'us-east-1', 'detail': {'pipeline': 'checkout', 'stage': 'Build', 'state': 'STARTED'}}""");

    private static final String DROP_STARTED = """
            rules:
              - name: ignore-started
                match:
                  detail:
                    state: [STARTED]
                drop: true
              - name: stage
                match:
                  detail-type: [CodePipeline Stage Execution State Change]
                event:
                  eventType: stage
            """;

    @TempDir
    Path folder;

    private MappingSet load(String yaml) throws IOException, MappingLoadException {
        return MappingSet.load(Files.writeString(folder.resolve("rules.yaml"), yaml));
    }

    private static List<String> eventTypes(MappingOutcome outcome) {
        return outcome.events().stream().map(SplunkEvent::eventType).toList();
    }

    @Test
    void oneRuleMakesSeveralEventsEachMergedWithTheDefaults() throws Exception {
        MappingSet mappings = load("""
                defaults:
                  dimensions: {region: '${region}'}
                rules:
                  - name: stage
                    match: {source: [aws.codepipeline]}
                    events:
                      - eventType: stage
                        dimensions: {stage: '${detail.stage}'}
                      - eventType: pipeline.activity
                        dimensions: {pipeline: '${detail.pipeline}'}
                """);

        MappingOutcome outcome = mappings.apply(FAILED_STAGE);

        assertThat(outcome.events()).extracting(SplunkEvent::eventType, SplunkEvent::dimensions).containsExactly(
                org.assertj.core.groups.Tuple.tuple("stage", Map.of("stage", "Build", "region", "us-east-1")),
                org.assertj.core.groups.Tuple.tuple("pipeline.activity", Map.of("pipeline", "checkout", "region", "us-east-1")));
        assertThat(outcome.mapped()).extracting(MappedEvent::rule).containsExactly("stage", "stage");
        assertThat(outcome.matchedRules()).containsExactly("stage");
    }

    @Test
    void fixesOfSeveralEventsNameTheEventByItsPosition() throws Exception {
        MappingSet mappings = load("""
                rules:
                  - name: stage
                    match: {source: [aws.codepipeline]}
                    events:
                      - eventType: one
                      - eventType: two
                        dimensions: {empty: ''}
                """);

        MappingOutcome outcome = mappings.apply(FAILED_STAGE);

        assertThat(outcome.mapped().get(0).fixes()).isEmpty();
        assertThat(outcome.mapped().get(1).fixes()).containsExactly(
                "rule 'stage' event 2 dimension 'empty': value is empty; dimension dropped");
    }

    @Test
    void aMatchingDropRuleMakesNothingAndStopsFirstMatchEvaluation() throws Exception {
        MappingOutcome outcome = load(DROP_STARTED).apply(STARTED_STAGE);

        assertThat(outcome.events()).isEmpty();
        assertThat(outcome.wasDropped()).isTrue();
        assertThat(outcome.dropped()).containsExactly("ignore-started");
        assertThat(outcome.matchedRules()).containsExactly("ignore-started");
        assertThat(outcome.matched()).isTrue();
    }

    @Test
    void aDropRuleThatDoesNotMatchLetsLaterRulesWork() throws Exception {
        MappingOutcome outcome = load(DROP_STARTED).apply(FAILED_STAGE);

        assertThat(eventTypes(outcome)).containsExactly("stage");
        assertThat(outcome.wasDropped()).isFalse();
    }

    @Test
    void underAllMatchesADropRuleKeepsEarlierEventsAndEndsTheFile() throws Exception {
        MappingSet mappings = load("""
                evaluation: all-matches
                rules:
                  - name: audit
                    match: {source: [aws.codepipeline]}
                    event: {eventType: audit}
                  - name: ignore-started
                    match: {detail: {state: [STARTED]}}
                    drop: true
                  - name: stage
                    match: {source: [aws.codepipeline]}
                    event: {eventType: stage}
                """);

        MappingOutcome started = mappings.apply(STARTED_STAGE);
        MappingOutcome failed = mappings.apply(FAILED_STAGE);

        assertThat(eventTypes(started)).containsExactly("audit");
        assertThat(started.dropped()).containsExactly("ignore-started");
        assertThat(eventTypes(failed)).containsExactly("audit", "stage");
    }

    @Test
    void aDropRuleEndsOnlyItsOwnFile() throws Exception {
        Files.writeString(folder.resolve("a-drop.yaml"), DROP_STARTED);
        Files.writeString(folder.resolve("b-audit.yaml"), """
                rules:
                  - name: audit
                    match: {source: [aws.codepipeline]}
                    event: {eventType: audit}
                """);

        MappingOutcome outcome = MappingSet.load(folder).apply(STARTED_STAGE);

        assertThat(eventTypes(outcome)).containsExactly("audit");
        assertThat(outcome.dropped()).containsExactly("ignore-started");
    }

    @Test
    void eachMappedEventCarriesItsRuleAndItsOwnFixes() throws Exception {
        MappingSet mappings = load("""
                evaluation: all-matches
                rules:
                  - name: clean
                    match: {source: [aws.codepipeline]}
                    event: {eventType: clean}
                  - name: long
                    match: {source: [aws.codepipeline]}
                    event:
                      eventType: long
                      properties: {text: '${detail.pipeline}%s'}
                """.formatted("x".repeat(260)));

        MappingOutcome outcome = mappings.apply(FAILED_STAGE);

        assertThat(outcome.mapped()).extracting(MappedEvent::rule).containsExactly("clean", "long");
        assertThat(outcome.mapped().get(0).fixes()).isEmpty();
        assertThat(outcome.mapped().get(1).fixes()).containsExactly(
                "rule 'long' property 'text': value truncated from 268 to 256 characters");
        assertThat(outcome.fixes()).isEqualTo(outcome.mapped().get(1).fixes());
        assertThat(outcome.admit(IngestPolicy.STRICT).events()).extracting(SplunkEvent::eventType).containsExactly("clean");
        assertThat(outcome.admit(IngestPolicy.SANITIZE).events()).hasSize(2);
    }

    private String problems(String yaml) throws IOException {
        MappingLoadException failure = catchThrowableOfType(MappingLoadException.class, () -> load(yaml));
        assertThat(failure).isNotNull();
        return failure.getMessage();
    }

    @Test
    void aDropRuleWithAnEventIsALoadError() throws Exception {
        assertThat(problems("""
                rules:
                  - name: ignore
                    match: {source: [aws.codepipeline]}
                    drop: true
                    event: {eventType: x}
                """)).isEqualTo("rules.yaml:5:12: a rule with 'drop: true' makes no event; remove 'event' or the drop");
    }

    @Test
    void eventAndEventsTogetherAreALoadError() throws Exception {
        assertThat(problems("""
                rules:
                  - name: both
                    match: {source: [aws.codepipeline]}
                    event: {eventType: x}
                    events: [{eventType: y}]
                """)).isEqualTo("rules.yaml:5:13: a rule has either 'event' or 'events', not both");
    }

    @Test
    void aRuleWithoutEventsOrDropIsALoadError() throws Exception {
        assertThat(problems("""
                rules:
                  - name: nothing
                    match: {source: [aws.codepipeline]}
                """)).isEqualTo("rules.yaml:2:5: missing required key 'event' in rule (or 'events', or 'drop: true')");
    }

    @Test
    void dropMustBeABoolean() throws Exception {
        assertThat(problems("""
                rules:
                  - name: ignore
                    match: {source: [aws.codepipeline]}
                    drop: 'yes'
                    event: {eventType: x}
                """)).isEqualTo("rules.yaml:4:11: drop must be true or false, not 'yes'");
    }

    @Test
    void emptyEventsListIsALoadError() throws Exception {
        assertThat(problems("""
                rules:
                  - name: none
                    match: {source: [aws.codepipeline]}
                    events: []
                """)).isEqualTo("rules.yaml:4:13: events is empty; add at least one event, or use 'drop: true'");
    }
}
