package io.pipelineevents.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The exact events the codepipeline preset makes of a few samples, field order included. The
 * first one is the worked example in docs/mappings.md.
 */
class CodePipelinePresetExamplesTest {

    private static final ObjectWriter PRETTY = Corpus.JSON.writerWithDefaultPrettyPrinter();
    private static MappingSet preset;

    @BeforeAll
    static void loadPreset() throws MappingLoadException {
        preset = MappingSet.preset("codepipeline");
    }

    private static String eventsFor(String sample) throws Exception {
        return PRETTY.writeValueAsString(preset.apply(Corpus.notification(sample)).events());
    }

    @Test
    void eventBridgeActionFailed() throws Exception {
        assertThat(eventsFor("eventbridge-action-failed-codebuild.json")).isEqualToIgnoringNewLines("""
                [ {
                  "eventType" : "codepipeline.action",
                  "category" : "USER_DEFINED",
                  "dimensions" : {
                    "pipeline" : "checkout-service-pipeline",
                    "stage" : "Build",
                    "action" : "UnitTestsAndPackage",
                    "state" : "FAILED",
                    "region" : "us-east-1"
                  },
                  "properties" : {
                    "execution_id" : "0a1b2c3d-0000-4000-8000-000000000001",
                    "action_execution_id" : "ac000000-0000-4000-8000-000000000003",
                    "account" : "111122223333",
                    "event_id" : "e0000000-0000-4000-8000-000000000025",
                    "action_owner" : "AWS",
                    "action_provider" : "CodeBuild",
                    "action_category" : "Build",
                    "action_region" : "us-east-1",
                    "pipeline_version" : 3,
                    "execution_attempt" : 1,
                    "start_time" : "2026-03-02T10:16:01.204Z",
                    "external_execution_url" : "https://console.aws.amazon.com/codebuild/home?region=us-east-1#/builds/example-build-project:00000000-0000-4000-8000-0000000000b7/view/new",
                    "external_execution_summary" : "Build terminated with state: FAILED",
                    "external_execution_id" : "example-build-project:00000000-0000-4000-8000-0000000000b7",
                    "error_code" : "JobFailed"
                  },
                  "timestamp" : 1772446781000
                } ]""");
    }

    @Test
    void codeStarPipelineFailedCarriesTheFailedStage() throws Exception {
        assertThat(eventsFor("codestar-sns-pipeline-failed.json")).isEqualToIgnoringNewLines("""
                [ {
                  "eventType" : "codepipeline.pipeline",
                  "category" : "USER_DEFINED",
                  "dimensions" : {
                    "pipeline" : "checkout-service-pipeline",
                    "state" : "FAILED",
                    "region" : "us-east-1"
                  },
                  "properties" : {
                    "execution_id" : "0a1b2c3d-0000-4000-8000-000000000001",
                    "account" : "111122223333",
                    "pipeline_version" : 3,
                    "execution_attempt" : 1,
                    "start_time" : "2026-03-02T10:15:29.118Z",
                    "failed_stage" : "Deploy-Prod",
                    "failed_action_count" : 2
                  },
                  "timestamp" : 1772447264000
                } ]""");
    }

    @Test
    void approvalMessageHasNoTimestampAndNoToken() throws Exception {
        assertThat(eventsFor("codepipeline-manual-approval-sns-message.json")).isEqualToIgnoringNewLines("""
                [ {
                  "eventType" : "codepipeline.approval",
                  "category" : "USER_DEFINED",
                  "dimensions" : {
                    "pipeline" : "checkout-service-pipeline",
                    "stage" : "Approve-Prod",
                    "action" : "ManualApproval",
                    "state" : "STARTED",
                    "region" : "us-east-1"
                  },
                  "properties" : {
                    "approval_review_link" : "https://console.aws.amazon.com/codesuite/codepipeline/pipelines/checkout-service-pipeline/view?region=us-east-1#/Approve-Prod/ManualApproval/approve/7a000000-0000-4000-8000-000000000001",
                    "expires" : "2026-03-09T10:20Z",
                    "custom_data" : "Review the canary dashboard before approving ✅ — Prüfung erforderlich\\n",
                    "console_link" : "https://console.aws.amazon.com/codesuite/codepipeline/pipelines/checkout-service-pipeline/view?region=us-east-1"
                  }
                } ]""");
    }

    @Test
    void legacyActionEventWithoutOptionalFieldsLeavesThemOut() throws Exception {
        assertThat(eventsFor("eventbridge-action-succeeded-legacy-minimal.json")).isEqualToIgnoringNewLines("""
                [ {
                  "eventType" : "codepipeline.action",
                  "category" : "USER_DEFINED",
                  "dimensions" : {
                    "pipeline" : "checkout-service-pipeline",
                    "stage" : "Build",
                    "action" : "UnitTestsAndPackage",
                    "state" : "SUCCEEDED",
                    "region" : "us-east-1"
                  },
                  "properties" : {
                    "execution_id" : "0a1b2c3d-0000-4000-8000-000000000000",
                    "account" : "111122223333",
                    "event_id" : "e0000000-0000-4000-8000-00000000002a",
                    "action_owner" : "AWS",
                    "action_provider" : "CodeBuild",
                    "action_category" : "Build",
                    "action_region" : "us-east-1",
                    "pipeline_version" : 2
                  },
                  "timestamp" : 1561567575000
                } ]""");
    }
}
