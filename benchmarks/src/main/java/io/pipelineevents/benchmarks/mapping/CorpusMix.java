package io.pipelineevents.benchmarks.mapping;

import io.pipelineevents.mappings.Corpus;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The CodePipeline notifications of the mappings' test corpus, byte for byte as a queue delivers them: EventBridge
 * events, CodeStar notifications, the manual-approval message, and SNS envelopes around them. The Lambda record
 * sample is left out because the service refuses Lambda bodies; samples of other CI tools are left out because the
 * default preset is for CodePipeline and would only skip them.
 */
public record CorpusMix(List<byte[]> bodies) {

    /** A constant because {@code @OperationsPerInvocation} needs one; checked against {@link #FILES}. */
    static final int SIZE = 34;

    public static final List<String> FILES = List.of(
            "eventbridge-pipeline-started.json",
            "eventbridge-pipeline-succeeded.json",
            "eventbridge-pipeline-failed.json",
            "eventbridge-pipeline-stopping.json",
            "eventbridge-pipeline-stopped.json",
            "eventbridge-pipeline-canceled.json",
            "eventbridge-pipeline-superseded.json",
            "eventbridge-pipeline-resumed.json",
            "eventbridge-pipeline-started-manual-rollback.json",
            "eventbridge-stage-started.json",
            "eventbridge-stage-succeeded.json",
            "eventbridge-stage-failed.json",
            "eventbridge-stage-stopping.json",
            "eventbridge-stage-stopped.json",
            "eventbridge-stage-canceled.json",
            "eventbridge-action-started-codedeploy.json",
            "eventbridge-action-succeeded-codedeploy.json",
            "eventbridge-action-succeeded-source-json-in-summary.json",
            "eventbridge-action-failed-codebuild.json",
            "eventbridge-action-abandoned.json",
            "eventbridge-action-canceled.json",
            "eventbridge-action-started-manual-approval.json",
            "eventbridge-action-succeeded-legacy-minimal.json",
            "codestar-sns-pipeline-started.json",
            "codestar-sns-pipeline-failed.json",
            "codestar-sns-stage-started-source-actions.json",
            "codestar-sns-action-succeeded.json",
            "codestar-sns-action-failed-codedeploy.json",
            "codestar-sns-manual-approval-needed.json",
            "codepipeline-manual-approval-sns-message.json",
            "sns-sqs-envelope-pipeline-failed.json",
            "sns-sqs-raw-pipeline-succeeded.json",
            "sns-http-notification-stage-failed-sigv2.json",
            "sns-http-notification-manual-approval-subject.json");

    public CorpusMix {
        bodies = List.copyOf(bodies);
    }

    static CorpusMix codePipeline() {
        if (FILES.size() != SIZE) {
            throw new IllegalStateException(
                    "CorpusMix.SIZE is " + SIZE + " but the mix has " + FILES.size() + " files");
        }
        return new CorpusMix(FILES.stream().map(file -> Corpus.text(file).getBytes(StandardCharsets.UTF_8)).toList());
    }
}
