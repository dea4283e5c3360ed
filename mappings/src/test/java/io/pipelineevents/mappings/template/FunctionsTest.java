package io.pipelineevents.mappings.template;

import static io.pipelineevents.mappings.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

class FunctionsTest {

    private static final JsonNode EVENT = json("{'state': 'Failed', 'count': 3, 'nothing': null}");

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
}
