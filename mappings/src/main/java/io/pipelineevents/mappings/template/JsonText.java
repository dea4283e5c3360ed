package io.pipelineevents.mappings.template;

import com.fasterxml.jackson.databind.JsonNode;

/** The text form of a JSON scalar where a string is needed (mixed text, dimension values). */
public final class JsonText {

    private JsonText() {
    }

    public static String of(JsonNode scalar) {
        if (scalar.isTextual()) {
            return scalar.textValue();
        }
        if (scalar.isNumber() && !isNonFinite(scalar)) {
            // CodePipeline sends counts and versions as doubles (3.0): print them as the integers they are.
            return scalar.decimalValue().stripTrailingZeros().toPlainString();
        }
        return scalar.asText();
    }

    private static boolean isNonFinite(JsonNode number) {
        return number.isFloatingPointNumber() && !Double.isFinite(number.doubleValue());
    }
}
