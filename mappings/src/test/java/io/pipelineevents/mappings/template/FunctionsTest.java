package io.pipelineevents.mappings.template;

import static io.pipelineevents.mappings.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FunctionsTest {

    private static final JsonNode EVENT = json("""
            {'state': 'Failed', 'count': 3, 'nothing': null, 'flag': true, 'long': 'abcdefghij',
             'arn': 'arn:aws:codepipeline:us-east-1:111122223333:checkout-service-pipeline',
             'type': {'owner': 'AWS', 'version': '1'}, 'resources': ['arn:a', 'arn:b'],
             'summary': '{"ProviderType":"GitHub","CommitMessage":"Fix checkout","Nested":{"n":[1,2]}}',
             'plain': 'Build terminated with state: FAILED',
             'iso': '2026-03-02T10:15:30Z', 'isoFraction': '2026-03-02T10:15:29.118Z', 'isoMinutes': '2016-07-07T20:22Z',
             'isoOffset': '2026-03-02T11:15:30+01:00', 'isoLocal': '2026-03-02T10:15:30',
             'seconds': 1772446530, 'secondsText': '1772446530', 'millis': 1772446530000, 'fractionSeconds': 1772446530.25,
             'codebuild': 'Mar 2, 2026 10:16:02 AM', 'gitlab': '2026-03-02 10:15:00 UTC', 'custom': '02/03/2026 10:15'}""");

    private static JsonNode render(Functions functions, String template) throws TemplateSyntaxException {
        return new TemplateParser(functions).parse(template).render(EVENT);
    }

    private static JsonNode render(String template) throws TemplateSyntaxException {
        return render(Functions.standard(), template);
    }

    @Test
    void lowerAndUpperChangeTheCaseOfText() throws Exception {
        assertThat(render("${state | lower}").textValue()).isEqualTo("failed");
        assertThat(render("${state | upper}").textValue()).isEqualTo("FAILED");
    }

    @Test
    void caseFunctionsLeaveNumbersAndMissingValuesAlone() throws Exception {
        assertThat(render("${count | upper}").intValue()).isEqualTo(3);
        assertThat(render("${absent | lower}").isMissingNode()).isTrue();
    }

    @Test
    void defaultReplacesAMissingPath() throws Exception {
        assertThat(render("${absent | default('unknown')}").textValue()).isEqualTo("unknown");
    }

    @Test
    void defaultReplacesJsonNull() throws Exception {
        assertThat(render("${nothing | default('unknown')}").textValue()).isEqualTo("unknown");
    }

    @Test
    void defaultKeepsAPresentValue() throws Exception {
        assertThat(render("${state | default('unknown')}").textValue()).isEqualTo("Failed");
    }

    @Test
    void numericDefaultKeepsItsNumberType() throws Exception {
        assertThat(render("${absent | default(0)}").isIntegralNumber()).isTrue();
        assertThat(render("${absent | default(2.5)}").doubleValue()).isEqualTo(2.5);
    }

    @Test
    void functionsApplyLeftToRight() throws Exception {
        assertThat(render("${absent | default('pending') | upper}").textValue()).isEqualTo("PENDING");
        assertThat(render("${absent | upper | default('pending')}").textValue()).isEqualTo("pending");
    }

    @Test
    void newFunctionsAreRegisteredWithoutTouchingTheParser() throws Exception {
        Functions extended = Functions.standard().with(new Functions.Definition("reverse", 0, 0,
                (input, arguments) -> TextNode.valueOf(new StringBuilder(input.asText()).reverse().toString())));

        assertThat(render(extended, "${state | reverse}").textValue()).isEqualTo("deliaF");
        assertThat(Functions.standard().find("reverse")).isEmpty();
    }

    @Test
    void truncateCutsTextToAtMostNCharactersWithoutAMarker() throws Exception {
        assertThat(render("${long | truncate(4)}").textValue()).isEqualTo("abcd");
        assertThat(render("${state | truncate(40)}").textValue()).isEqualTo("Failed");
        assertThat(render("${count | truncate(0001)}").intValue()).isEqualTo(3);
    }

    @Test
    void replaceReplacesEveryMatchOfARegexWithGroupReferences() throws Exception {
        assertThat(render("${arn | replace('^arn:aws:codepipeline:[^:]+:\\d+:', '')}").textValue())
                .isEqualTo("checkout-service-pipeline");
        assertThat(render("${long | replace('([a-c])', '<$1>')}").textValue()).isEqualTo("<a><b><c>defghij");
        assertThat(render("${long | replace('(?<first>a)b', '${first}B')}").textValue()).isEqualTo("aBcdefghij");
        assertThat(render("${long | replace('x', '\\$')}").textValue()).isEqualTo("abcdefghij");
    }

    @Test
    void jsonRendersObjectsArraysBooleansAndNullAsCompactJsonTextOnlyWhenAsked() throws Exception {
        assertThat(render("${type | json}").textValue()).isEqualTo("{\"owner\":\"AWS\",\"version\":\"1\"}");
        assertThat(render("${resources | json}").textValue()).isEqualTo("[\"arn:a\",\"arn:b\"]");
        assertThat(render("${flag | json}").textValue()).isEqualTo("true");
        assertThat(render("${nothing | json}").textValue()).isEqualTo("null");
        assertThat(render("${type}").isObject()).isTrue();
    }

    @Test
    void jsonLeavesTextUnquotedAndNumbersTyped() throws Exception {
        assertThat(render("${state | json}").textValue()).isEqualTo("Failed");
        assertThat(render("${count | json}").isIntegralNumber()).isTrue();
        assertThat(render("${absent | json}").isMissingNode()).isTrue();
    }

    @Test
    void parseJsonAndPathReachIntoJsonHeldInAString() throws Exception {
        assertThat(render("${summary | parseJson | path('CommitMessage')}").textValue()).isEqualTo("Fix checkout");
        assertThat(render("${summary | parseJson | path('Nested.n[1]')}").intValue()).isEqualTo(2);
        assertThat(render("${summary | parseJson | path('Nested') | json}").textValue()).isEqualTo("{\"n\":[1,2]}");
    }

    @Test
    void parseJsonOfTextThatIsNotJsonYieldsMissingSoDefaultCanFollow() throws Exception {
        assertThat(render("${plain | parseJson}").isMissingNode()).isTrue();
        assertThat(render("${plain | parseJson | path('CommitMessage') | default('n/a')}").textValue()).isEqualTo("n/a");
        assertThat(render("${summary | parseJson | path('Absent')}").isMissingNode()).isTrue();
    }

    @Test
    void pathWalksObjectsWithoutParsing() throws Exception {
        assertThat(render("${type | path('owner')}").textValue()).isEqualTo("AWS");
        assertThat(render("${state | path('owner')}").isMissingNode()).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "CANCELED, CANCELED", "Cancelled, CANCELED", "cancelled, CANCELED", "canceled, CANCELED", "aborted, CANCELED",
            "succeeded, SUCCEEDED", "success, SUCCEEDED", "SUCCESS, SUCCEEDED", "Succeeded, SUCCEEDED",
            "failed, FAILED", "failure, FAILED", "FAILURE, FAILED", "Failed, FAILED",
            "InProgress, STARTED", "in_progress, STARTED", "running, STARTED", "START, STARTED",
            "Stopped, STOPPED", "STOP, STOPPED", "Stopping, STOPPING", "Superseded, SUPERSEDED",
            "pending, QUEUED", "skipped, SKIPPED", "timed_out, TIMED_OUT", "action-required, ACTION_REQUIRED"})
    void stateNormalisesSpellingsOfTheSameState(String spelling, String state) throws Exception {
        JsonNode notification = json("{'s': '" + spelling + "'}");

        assertThat(new TemplateParser(Functions.standard()).parse("${s | state}").render(notification).textValue())
                .isEqualTo(state);
    }

    @Test
    void stateIsNeverAppliedUnlessAsked() throws Exception {
        assertThat(render("${state}").textValue()).isEqualTo("Failed");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "iso, 1772446530000", "isoFraction, 1772446529118", "isoMinutes, 1467922920000",
            "isoOffset, 1772446530000", "isoLocal, 1772446530000", "seconds, 1772446530000",
            "secondsText, 1772446530000", "millis, 1772446530000", "fractionSeconds, 1772446530250",
            "codebuild, 1772446562000", "gitlab, 1772446500000"})
    void epochMillisReadsEveryTimestampFormatOfTheSources(String field, long millis) throws Exception {
        assertThat(render("${" + field + " | epochMillis}").longValue()).isEqualTo(millis);
    }

    @Test
    void epochMillisLeavesWhatItCannotReadUnchangedForTheTimestampCheckToReport() throws Exception {
        assertThat(render("${plain | epochMillis}").textValue()).isEqualTo("Build terminated with state: FAILED");
        assertThat(render("${absent | epochMillis}").isMissingNode()).isTrue();
    }

    @Test
    void timestampReadsADateTimeInTheGivenPatternAsUtcUnlessItHasAZone() throws Exception {
        assertThat(render("${custom | timestamp('dd/MM/yyyy HH:mm')}").longValue()).isEqualTo(1772446500000L);
        assertThat(render("${codebuild | timestamp('MMM d, yyyy h:mm:ss a')}").longValue()).isEqualTo(1772446562000L);
        assertThat(render("${isoOffset | timestamp('yyyy-MM-dd\\'T\\'HH:mm:ssXXX')}").longValue()).isEqualTo(1772446530000L);
        assertThat(render("${plain | timestamp('dd/MM/yyyy HH:mm')}").textValue()).startsWith("Build");
    }
}
