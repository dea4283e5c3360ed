package io.pipelineevents.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The default preset never turns a notification without its essential fields into an event that says nothing. */
class CodePipelinePresetGuardsTest {

    @ParameterizedTest(name = "{0} without detail.{1}")
    @CsvSource({
            "eventbridge-pipeline-started.json, ",
            "eventbridge-pipeline-started.json, pipeline",
            "eventbridge-pipeline-started.json, state",
            "codestar-sns-pipeline-failed.json, ",
            "eventbridge-stage-failed.json, stage",
            "eventbridge-action-failed-codebuild.json, action",
            "eventbridge-action-failed-codebuild.json, stage"})
    void aNotificationMissingItsEssentialFieldsMatchesNoRule(String file, String removedField) throws Exception {
        ObjectNode notification = (ObjectNode) Corpus.notification(file).deepCopy();
        if (removedField == null) {
            notification.remove("detail");
        } else {
            ((ObjectNode) notification.get("detail")).remove(removedField);
        }

        MappingOutcome outcome = MappingSet.preset("codepipeline").apply(notification);

        assertThat(outcome.matched()).isFalse();
        assertThat(outcome.events()).isEmpty();
    }
}
