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
