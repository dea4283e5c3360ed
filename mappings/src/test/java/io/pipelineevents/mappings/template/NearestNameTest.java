package io.pipelineevents.mappings.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestNameTest {

    private static final List<String> EVENT_KEYS = List.of("eventType", "category", "dimensions", "properties", "timestamp");

    @Test
    void aSmallTypoFindsTheIntendedName() {
        assertThat(NearestName.to("dimension", EVENT_KEYS)).contains("dimensions");
        assertThat(NearestName.to("eventtype", EVENT_KEYS)).contains("eventType");
        assertThat(NearestName.to("propertes", EVENT_KEYS)).contains("properties");
    }

    @Test
    void anUnrelatedNameFindsNothing() {
        assertThat(NearestName.to("foo", EVENT_KEYS)).isEmpty();
        assertThat(NearestName.hint("foo", EVENT_KEYS)).isEmpty();
    }
}
