package io.pipelineevents.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipelineevents.mappings.event.SplunkEvent;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped codepipeline preset against every sample of the corpus. */
class CodePipelinePresetCorpusTest {

    /** Every CodePipeline sample and the one event type it must produce. */
    static final Map<String, String> CODEPIPELINE = Map.ofEntries(
            Map.entry("eventbridge-pipeline-started.json", "codepipeline.pipeline"),
            Map.entry("eventbridge-pipeline-succeeded.json", "codepipeline.pipeline"),
            Map.entry("eventbridge-pipeline-failed.json", "codepipeline.pipeline"),
            Map.entry("eventbridge-pipeline-stopping.json", "codepipeline.pipeline"),
            Map.entry("eventbridge-pipeline-stopped.json", "codepipeline.pipeline"),
            Map.entry("eventbridge-pipeline-canceled.json", "codepipeline.pipeline"),
            Map.entry("eventbridge-pipeline-superseded.json", "codepipeline.pipeline"),
            Map.entry("eventbridge-pipeline-resumed.json", "codepipeline.pipeline"),
            Map.entry("eventbridge-pipeline-started-manual-rollback.json", "codepipeline.pipeline"),
            Map.entry("eventbridge-stage-started.json", "codepipeline.stage"),
            Map.entry("eventbridge-stage-succeeded.json", "codepipeline.stage"),
            Map.entry("eventbridge-stage-failed.json", "codepipeline.stage"),
            Map.entry("eventbridge-stage-stopping.json", "codepipeline.stage"),
            Map.entry("eventbridge-stage-stopped.json", "codepipeline.stage"),
            Map.entry("eventbridge-stage-canceled.json", "codepipeline.stage"),
            Map.entry("eventbridge-action-started-codedeploy.json", "codepipeline.action"),
            Map.entry("eventbridge-action-succeeded-codedeploy.json", "codepipeline.action"),
            Map.entry("eventbridge-action-succeeded-source-json-in-summary.json", "codepipeline.action"),
            Map.entry("eventbridge-action-failed-codebuild.json", "codepipeline.action"),
            Map.entry("eventbridge-action-abandoned.json", "codepipeline.action"),
            Map.entry("eventbridge-action-canceled.json", "codepipeline.action"),
            Map.entry("eventbridge-action-started-manual-approval.json", "codepipeline.action"),
            Map.entry("eventbridge-action-succeeded-legacy-minimal.json", "codepipeline.action"),
            Map.entry("codestar-sns-pipeline-started.json", "codepipeline.pipeline"),
            Map.entry("codestar-sns-pipeline-failed.json", "codepipeline.pipeline"),
            Map.entry("codestar-sns-stage-started-source-actions.json", "codepipeline.stage"),
            Map.entry("codestar-sns-action-succeeded.json", "codepipeline.action"),
            Map.entry("codestar-sns-action-failed-codedeploy.json", "codepipeline.action"),
            Map.entry("codestar-sns-manual-approval-needed.json", "codepipeline.action"),
            Map.entry("codepipeline-manual-approval-sns-message.json", "codepipeline.approval"),
            // Envelopes, unwrapped by Corpus the way the routes unwrap them.
            Map.entry("sns-sqs-envelope-pipeline-failed.json", "codepipeline.pipeline"),
            Map.entry("sns-sqs-raw-pipeline-succeeded.json", "codepipeline.pipeline"),
            Map.entry("sns-http-notification-stage-failed-sigv2.json", "codepipeline.stage"),
            Map.entry("sns-http-notification-manual-approval-subject.json", "codepipeline.approval"),
            Map.entry("lambda-sns-record-stage-started.json", "codepipeline.stage"));

    /**
     * Fixes the preset must report. CodeStarSourceConnection console URLs are longer than the
     * 256 characters ingest allows, so they arrive truncated.
     */
    static final Map<String, List<String>> EXPECTED_FIXES = Map.of(
            "codestar-sns-action-succeeded.json", List.of(
                    "rule 'action-execution' property 'external_execution_url': value truncated from 309 to 256 characters"),
            "eventbridge-action-succeeded-source-json-in-summary.json", List.of(
                    "rule 'action-execution' property 'external_execution_url': value truncated from 309 to 256 characters"));

    /** Samples that are not CodePipeline notifications at all. */
    static final List<String> OTHERS = List.of(
            "codebuild-build-failed.json",
            "codedeploy-deployment-succeeded.json",
            "github-workflow-run-completed.json",
            "github-deployment-status-success.json",
            "gitlab-pipeline-failed.json",
            "jenkins-notification-completed-failure.json",
            "circleci-workflow-completed-failed.json",
            "cdevents-0.4.1-pipelinerun-finished.json",
            "cdevents-0.5.1-service-deployed.json",
            "sns-http-subscription-confirmation.json",
            "sns-http-unsubscribe-confirmation.json");

    private static MappingSet preset;

    @BeforeAll
    static void loadPreset() throws MappingLoadException {
        preset = MappingSet.preset("codepipeline");
    }

    static Stream<Arguments> codePipelineSamples() {
        return CODEPIPELINE.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    static Stream<String> otherSamples() {
        return OTHERS.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("codePipelineSamples")
    void everyCodePipelineSampleYieldsExactlyOneEventOfItsLevel(String file, String eventType) {
        JsonNode notification = Corpus.notification(file);

        MappingOutcome outcome = preset.apply(notification);

        assertThat(outcome.refusals()).isEmpty();
        assertThat(outcome.fixes()).isEqualTo(EXPECTED_FIXES.getOrDefault(file, List.of()));
        assertThat(outcome.matchedRules()).hasSize(1);
        assertThat(outcome.events()).singleElement().satisfies(event -> {
            assertThat(event.eventType()).isEqualTo(eventType);
            assertThat(event.category()).isEqualTo("USER_DEFINED");
            assertThat(event.dimensions()).containsKeys("pipeline", "state", "region");
            assertThat(event.dimensions().get("pipeline")).isEqualTo("checkout-service-pipeline");
            if (!eventType.equals("codepipeline.pipeline")) {
                assertThat(event.dimensions()).containsKey("stage");
            }
            if (eventType.equals("codepipeline.action") || eventType.equals("codepipeline.approval")) {
                assertThat(event.dimensions()).containsKey("action");
            }
            assertThat(event.dimensions()).doesNotContainKeys("execution_id", "action_execution_id");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codePipelineSamples")
    void everyCodePipelineEventCarriesItsTimeInMillisecondsOrNone(String file, String eventType) {
        JsonNode notification = Corpus.notification(file);

        SplunkEvent event = preset.apply(notification).events().get(0);

        if (notification.has("time")) {
            assertThat(event.timestamp()).isEqualTo(java.time.Instant.parse(notification.get("time").asText()).toEpochMilli());
        } else {
            assertThat(event.timestamp()).isNull();
        }
    }

    /** Event field -> where the preset takes it from, for EventBridge and CodeStar notifications. */
    static final Map<String, String> SOURCES = Map.ofEntries(
            Map.entry("dimensions.pipeline", "/detail/pipeline"),
            Map.entry("dimensions.stage", "/detail/stage"),
            Map.entry("dimensions.action", "/detail/action"),
            Map.entry("dimensions.state", "/detail/state"),
            Map.entry("dimensions.region", "/region"),
            Map.entry("properties.execution_id", "/detail/execution-id"),
            Map.entry("properties.action_execution_id", "/detail/action-execution-id"),
            Map.entry("properties.account", "/account"),
            Map.entry("properties.action_owner", "/detail/type/owner"),
            Map.entry("properties.action_provider", "/detail/type/provider"),
            Map.entry("properties.action_category", "/detail/type/category"),
            Map.entry("properties.external_execution_summary", "/detail/execution-result/external-execution-summary"),
            Map.entry("properties.external_execution_id", "/detail/execution-result/external-execution-id"),
            Map.entry("properties.error_code", "/detail/execution-result/error-code"),
            Map.entry("properties.trigger_type", "/detail/execution-trigger/trigger-type"),
            Map.entry("properties.trigger_detail", "/detail/execution-trigger/trigger-detail"),
            Map.entry("properties.failed_stage", "/additionalAttributes/failedStage"));

    @ParameterizedTest(name = "{0}")
    @MethodSource("codePipelineSamples")
    void everyListedFieldIsPresentExactlyWhenTheNotificationHasIt(String file, String eventType) {
        JsonNode notification = Corpus.notification(file);
        if (eventType.equals("codepipeline.approval")) {
            return;
        }
        JsonNode event = Corpus.JSON.valueToTree(preset.apply(notification).events().get(0));

        SOURCES.forEach((field, pointer) -> {
            JsonNode expected = notification.at(pointer);
            JsonNode actual = event.at("/" + field.replace('.', '/'));
            if (expected.isMissingNode()) {
                assertThat(actual.isMissingNode()).as("%s must be absent", field).isTrue();
            } else {
                assertThat(actual.asText()).as(field).isEqualTo(expected.asText());
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherSamples")
    void samplesFromOtherSourcesMatchNothing(String file) {
        MappingOutcome outcome = preset.apply(Corpus.notification(file));

        assertThat(outcome.matched()).isFalse();
        assertThat(outcome.events()).isEmpty();
    }

    @Test
    void everyCorpusSampleIsCoveredByThisTest() {
        assertThat(Stream.concat(CODEPIPELINE.keySet().stream(), OTHERS.stream()).toList())
                .containsExactlyInAnyOrderElementsOf(Corpus.samples());
    }
}
