package io.pipelineevents.mappings.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SplunkEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, String> dimensions() {
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put("pipeline", "checkout");
        dimensions.put("state", "FAILED");
        dimensions.put("region", "us-east-1");
        return dimensions;
    }

    private static Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("execution_id", "0a1b");
        properties.put("attempt", 2L);
        properties.put("ratio", 0.5);
        properties.put("retried", true);
        return properties;
    }

    @Test
    void serialisesWithTheFieldOrderAndTypesTheEventApiExpects() throws Exception {
        SplunkEvent event = new SplunkEvent("codepipeline.pipeline", "USER_DEFINED", dimensions(), properties(), 1772446530000L);

        assertThat(JSON.writeValueAsString(event)).isEqualTo("{\"eventType\":\"codepipeline.pipeline\","
                + "\"category\":\"USER_DEFINED\","
                + "\"dimensions\":{\"pipeline\":\"checkout\",\"state\":\"FAILED\",\"region\":\"us-east-1\"},"
                + "\"properties\":{\"execution_id\":\"0a1b\",\"attempt\":2,\"ratio\":0.5,\"retried\":true},"
                + "\"timestamp\":1772446530000}");
    }

    @Test
    void missingTimestampIsLeftOutSoIngestUsesTheTimeOfReceipt() throws Exception {
        SplunkEvent event = new SplunkEvent("codepipeline.approval", "USER_DEFINED", Map.of(), Map.of(), null);

        assertThat(JSON.writeValueAsString(event)).isEqualTo(
                "{\"eventType\":\"codepipeline.approval\",\"category\":\"USER_DEFINED\",\"dimensions\":{},\"properties\":{}}");
    }

    @Test
    void mapsKeepTheirOrderAndCannotBeChanged() {
        Map<String, String> source = dimensions();
        SplunkEvent event = new SplunkEvent("e", "USER_DEFINED", source, properties(), null);
        source.put("later", "x");

        assertThat(event.dimensions()).containsExactly(
                Map.entry("pipeline", "checkout"), Map.entry("state", "FAILED"), Map.entry("region", "us-east-1"));
        assertThatThrownBy(() -> event.dimensions().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> event.properties().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void propertyValuesMustBeStringLongDoubleOrBoolean() {
        assertThatThrownBy(() -> new SplunkEvent("e", "USER_DEFINED", Map.of(), Map.of("list", List.of()), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("property 'list'");
        assertThatThrownBy(() -> new SplunkEvent("e", "USER_DEFINED", Map.of(), Map.of("int", 3), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
