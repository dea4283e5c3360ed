package io.pipelineevents.mappings.event;

import static io.pipelineevents.mappings.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EpochMillisTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2026-03-02T10:15:30Z,       1772446530000",
            "2026-03-02T10:15:29.118Z,   1772446529118",
            "2016-07-07T20:22Z,          1467922920000",
            "2026-03-02T11:15:30+01:00,  1772446530000",
            "2026-03-02T10:15:30.5-00:00, 1772446530500"})
    void isoDateTimesWithAZoneBecomeEpochMillis(String text, long millis) {
        assertThat(EpochMillis.from(TextNode.valueOf(text)).millis()).isEqualTo(millis);
    }

    /** EventBridge's form has a shortcut; it must give what the general ISO-8601 parser gives, or leave it to it. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2026-03-02T10:15:30Z", "2019-06-26T16:46:15Z", "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2024-02-29T12:00:00Z",
            "2026-02-29T12:00:00Z", "2026-04-31T12:00:00Z", "2026-13-01T12:00:00Z", "2026-00-10T12:00:00Z",
            "2026-03-00T12:00:00Z", "2026-03-02T24:00:00Z", "2026-03-02T10:60:00Z", "2026-03-02T10:15:60Z",
            "2026-03-02t10:15:30z", "2026-03-02T10:15:3xZ", "2026-03-02T10:15:30+", "+2026-03-02T10:15:30Z",
            "2026-03-02T10:15:30.Z", "2026/03/02T10:15:30Z", "٢٠٢٦-03-02T10:15:30Z"})
    void eventBridgeTimesAreReadAsTheIsoParserReadsThem(String text) {
        Long expected;
        try {
            expected = java.time.OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            expected = null;
        }

        assertThat(EpochMillis.from(TextNode.valueOf(text)).millis()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1772446530000", "1772446530000.0", "1.77244653E12"})
    void integralNumbersAreTakenAsMilliseconds(String number) {
        assertThat(EpochMillis.from(json(number)).millis()).isEqualTo(1772446530000L);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', textBlock = """
            1772446530          # 1772446530 looks like seconds, not milliseconds
            1772446530000.5     # '1.7724465300005E12' is neither an ISO-8601 date-time nor an integral number of milliseconds
            true                # 'true' is neither an ISO-8601 date-time nor an integral number of milliseconds
            '"2026-03-02T10:15:30"'       # '2026-03-02T10:15:30' is not an ISO-8601 date-time with a zone
            '"Mar 2, 2026 10:16:02 AM"'   # 'Mar 2, 2026 10:16:02 AM' is not an ISO-8601 date-time with a zone
            '"1772446530000"'   # '1772446530000' is not an ISO-8601 date-time with a zone
            """)
    void anythingElseIsRejectedWithAReason(String value, String problem) {
        EpochMillis.Result result = EpochMillis.from(json(value));

        assertThat(result.millis()).isNull();
        assertThat(result.problem()).isEqualTo(problem);
    }
}
