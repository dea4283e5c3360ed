package io.pipelineevents.mappings;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON for tests, written with single quotes so it reads inside Java strings. */
public final class TestJson {

    private static final ObjectMapper LENIENT = new ObjectMapper().enable(JsonParser.Feature.ALLOW_SINGLE_QUOTES);

    private TestJson() {
    }

    public static JsonNode json(String singleQuoted) {
        try {
            return LENIENT.readTree(singleQuoted);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
