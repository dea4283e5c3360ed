package io.pipelineevents.mappings;

import static io.pipelineevents.mappings.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipelineevents.mappings.event.SplunkEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What apply fixes, reports or refuses so that ingest never drops an event silently. */
class IngestFixesTest {

    private static MappingSet mappings;

    @BeforeAll
    static void load(@TempDir Path folder) throws Exception {
        mappings = MappingSet.load(Files.writeString(folder.resolve("fixes.yaml"), """
                evaluation: all-matches
                rules:
                  - name: values
                    match:
                      kind: [values]
                    event:
                      eventType: test.values
                      dimensions:
                        long: ${long}
                        empty: ${empty}
                        object: ${object}
                        missing: ${no.such.path}
                        null: ${nothing}
                        kept: ok
                      properties:
                        long: ${long}
                        array: ${array}
                        missing: ${no.such.path}
                        empty: ${empty}
                      timestamp: ${time}
                  - name: typed-event-type
                    match:
                      kind: [event-type]
                    event:
                      eventType: ${type}
                """));
    }

    private static JsonNode values(String time) {
        return json("{'kind': 'values', 'long': '" + "x".repeat(300) + "', 'empty': '', 'object': {'a': 1},"
                + " 'array': [1, 2], 'nothing': null, 'time': " + time + "}");
    }

    private static MappingOutcome eventType(String typeJson) {
        return mappings.apply(json("{'kind': 'event-type', 'type': " + typeJson + "}"));
    }

    @Test
    void overLongValuesAreTruncatedTo256CharactersAndReported() {
        MappingOutcome outcome = mappings.apply(values("'2026-03-02T10:15:30Z'"));
        SplunkEvent event = outcome.events().get(0);

        assertThat(event.dimensions().get("long")).hasSize(256).endsWith("…");
        assertThat((String) event.properties().get("long")).hasSize(256).endsWith("…");
        assertThat(outcome.fixes()).contains(
                "rule 'values' dimension 'long': value truncated from 300 to 256 characters",
                "rule 'values' property 'long': value truncated from 300 to 256 characters");
    }

    @Test
    void emptyDimensionIsDroppedAndReported() {
        MappingOutcome outcome = mappings.apply(values("'2026-03-02T10:15:30Z'"));

        assertThat(outcome.events().get(0).dimensions()).doesNotContainKey("empty");
        assertThat(outcome.fixes()).contains("rule 'values' dimension 'empty': value is empty; dimension dropped");
    }

    @Test
    void emptyPropertyIsKept() {
        assertThat(mappings.apply(values("'2026-03-02T10:15:30Z'")).events().get(0).properties())
                .containsEntry("empty", "");
    }

    @Test
    void objectsAndArraysAreLeftOutAndReportedInsteadOfStringified() {
        MappingOutcome outcome = mappings.apply(values("'2026-03-02T10:15:30Z'"));
        SplunkEvent event = outcome.events().get(0);

        assertThat(event.dimensions()).doesNotContainKey("object");
        assertThat(event.properties()).doesNotContainKey("array");
        assertThat(outcome.fixes()).contains(
                "rule 'values' dimension 'object': value is a JSON object, which is not turned into text; left out",
                "rule 'values' property 'array': value is a JSON array, which is not turned into text; left out");
    }

    @Test
    void missingPathOmitsTheKeyWithoutAFix() {
        MappingOutcome outcome = mappings.apply(values("'2026-03-02T10:15:30Z'"));
        SplunkEvent event = outcome.events().get(0);

        assertThat(event.dimensions()).doesNotContainKeys("missing", "null").containsEntry("kept", "ok");
        assertThat(event.properties()).doesNotContainKey("missing");
        assertThat(outcome.fixes()).noneMatch(fix -> fix.contains("'missing'") || fix.contains("'null'"));
    }

    @Test
    void fixesAreListedInTheOrderOfTheMapping() {
        assertThat(mappings.apply(values("'2026-03-02T10:15:30Z'")).fixes()).containsExactly(
                "rule 'values' dimension 'long': value truncated from 300 to 256 characters",
                "rule 'values' dimension 'empty': value is empty; dimension dropped",
                "rule 'values' dimension 'object': value is a JSON object, which is not turned into text; left out",
                "rule 'values' property 'long': value truncated from 300 to 256 characters",
                "rule 'values' property 'array': value is a JSON array, which is not turned into text; left out");
    }

    @Test
    void timestampInSecondsIsOmittedAndReported() {
        MappingOutcome outcome = mappings.apply(values("1772446530"));

        assertThat(outcome.events().get(0).timestamp()).isNull();
        assertThat(outcome.fixes()).contains(
                "rule 'values' timestamp: 1772446530 looks like seconds, not milliseconds; timestamp omitted");
    }

    @Test
    void timestampThatIsNoDateTimeIsOmittedAndReported() {
        MappingOutcome outcome = mappings.apply(values("'Mar 2, 2026 10:16:02 AM'"));

        assertThat(outcome.events().get(0).timestamp()).isNull();
        assertThat(outcome.fixes()).contains("rule 'values' timestamp: 'Mar 2, 2026 10:16:02 AM' is not an ISO-8601"
                + " date-time with a zone; timestamp omitted");
    }

    @Test
    void timestampInMillisecondsIsKept() {
        assertThat(mappings.apply(values("1772446530000")).events().get(0).timestamp()).isEqualTo(1772446530000L);
    }

    @Test
    void eventTypeThatRendersNothingIsRefused() {
        MappingOutcome outcome = eventType("null");

        assertThat(outcome.events()).isEmpty();
        assertThat(outcome.matched()).isTrue();
        assertThat(outcome.matchedRules()).containsExactly("typed-event-type");
        assertThat(outcome.refusals()).containsExactly(
                "rule 'typed-event-type': eventType rendered nothing (its path is missing or null); event refused");
    }

    @Test
    void eventTypeThatRendersEmptyOrWithWhitespaceIsRefused() {
        assertThat(eventType("''").refusals()).containsExactly(
                "rule 'typed-event-type': eventType is empty; event refused");
        assertThat(eventType("'ci pipeline'").refusals()).containsExactly(
                "rule 'typed-event-type': eventType must not contain spaces or other whitespace; event refused");
        assertThat(eventType("'" + "e".repeat(300) + "'").refusals()).containsExactly(
                "rule 'typed-event-type': eventType is 300 characters long, more than 256; event refused");
    }

    @Test
    void eventTypeThatRendersAnObjectIsRefused() {
        assertThat(eventType("{'a': 1}").refusals()).containsExactly(
                "rule 'typed-event-type': eventType rendered a JSON object; event refused");
    }

    @Test
    void numericEventTypeIsUsedAsText() {
        assertThat(eventType("7.0").events().get(0).eventType()).isEqualTo("7");
    }
}
