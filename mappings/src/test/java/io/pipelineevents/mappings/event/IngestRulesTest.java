package io.pipelineevents.mappings.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IngestRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"pipeline", "execution_id", "action-owner", "a", "Region2"})
    void keysMatchingTheSafePatternAreAccepted(String key) {
        assertThat(IngestRules.keyProblem(key)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"_id", "sf_metric", "aws_region", "gcp_project", "azure_sub", "SF_upper"})
    void reservedPrefixesAreRejected(String key) {
        assertThat(IngestRules.keyProblem(key)).get().asString().startsWith("it starts with the reserved prefix");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1st", "execution.id", "pipeline name", "", "état"})
    void keysOutsideTheSafePatternAreRejected(String key) {
        assertThat(IngestRules.keyProblem(key)).isPresent();
    }

    @Test
    void keysMayBe128CharactersButNotMore() {
        assertThat(IngestRules.keyProblem("k".repeat(128))).isEmpty();
        assertThat(IngestRules.keyProblem("k".repeat(129))).isPresent();
    }

    @Test
    void eventTypeMustBeNonEmptyAtMost256CharactersAndWithoutWhitespace() {
        assertThat(IngestRules.eventTypeProblem("codepipeline.pipeline")).isEmpty();
        assertThat(IngestRules.eventTypeProblem("e".repeat(256))).isEmpty();
        assertThat(IngestRules.eventTypeProblem("")).contains("eventType is empty");
        assertThat(IngestRules.eventTypeProblem("e".repeat(257))).contains("eventType is 257 characters long, more than 256");
        assertThat(IngestRules.eventTypeProblem("code pipeline")).contains("eventType must not contain spaces or other whitespace");
        assertThat(IngestRules.eventTypeProblem("code\tpipeline")).isPresent();
    }

    @Test
    void categoryMustBeOneOfTheDocumentedSet() {
        assertThat(IngestRules.categoryProblem("USER_DEFINED")).isEmpty();
        assertThat(IngestRules.categoryProblem("ALERT")).isEmpty();
        assertThat(IngestRules.categoryProblem("user_defined")).isPresent();
        assertThat(IngestRules.categoryProblem("INFO")).isPresent();
    }

    @Test
    void atMost36DimensionsAnd1024Properties() {
        assertThat(IngestRules.dimensionCountProblem(36)).isEmpty();
        assertThat(IngestRules.dimensionCountProblem(37)).contains("too many dimensions: 37, ingest accepts at most 36");
        assertThat(IngestRules.propertyCountProblem(1024)).isEmpty();
        assertThat(IngestRules.propertyCountProblem(1025)).isPresent();
    }

    @Test
    void truncationKeeps256CharactersEndingWithAVisibleMarker() {
        String truncated = IngestRules.truncate("x".repeat(300));

        assertThat(truncated).hasSize(256).endsWith("…").startsWith("x".repeat(255));
    }

    @Test
    void valuesOfAtMost256CharactersAreLeftAlone() {
        String value = "x".repeat(256);

        assertThat(IngestRules.valueTooLong(value)).isFalse();
        assertThat(IngestRules.truncate(value)).isSameAs(value);
    }

    @Test
    void truncationNeverSplitsASurrogatePair() {
        String value = "x".repeat(254) + "🚀" + "y".repeat(10);

        String truncated = IngestRules.truncate(value);

        assertThat(truncated).isEqualTo("x".repeat(254) + "…");
    }

    @Test
    void numbersBelow1e11AreSecondsNotMilliseconds() {
        assertThat(IngestRules.looksLikeSeconds(1_772_446_530L)).isTrue();
        assertThat(IngestRules.looksLikeSeconds(1_772_446_530_000L)).isFalse();
    }
}
