package io.pipelineevents.mappings.template;

import static io.pipelineevents.mappings.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class TemplateRenderingTest {

    private static final JsonNode EVENT = json("""
            {'region': 'us-east-1', 'resources': ['arn:first', 'arn:second'],
             'detail': {'pipeline': 'checkout', 'state': 'FAILED', 'version': 3.0, 'ratio': 1.5, 'big': 1.0E20,
                        'retried': true, 'nothing': null, 'type': {'owner': 'AWS'},
                        'execution-result': {'external-execution-url': 'https://example.test/run'},
                        'my.key': 'dotted', 'with space': 'spaced'}}""");

    private static JsonNode render(String template) throws TemplateSyntaxException {
        return new TemplateParser(Functions.standard()).parse(template).render(EVENT);
    }

    @Test
    void singleExpressionKeepsTheJsonType() throws Exception {
        assertThat(render("${detail.version}").isDouble()).isTrue();
        assertThat(render("${detail.retried}").isBoolean()).isTrue();
        assertThat(render("${detail.state}").textValue()).isEqualTo("FAILED");
    }

    @Test
    void singleExpressionMayReturnAContainerForTheCallerToRefuse() throws Exception {
        assertThat(render("${detail.type}").isObject()).isTrue();
        assertThat(render("${resources}").isArray()).isTrue();
    }

    @Test
    void missingPathRendersMissing() throws Exception {
        assertThat(render("${detail.no-such-key}").isMissingNode()).isTrue();
        assertThat(render("${detail.state.deeper}").isMissingNode()).isTrue();
    }

    @Test
    void jsonNullRendersNull() throws Exception {
        assertThat(render("${detail.nothing}").isNull()).isTrue();
    }

    @Test
    void mixedTextPrintsIntegralDoublesWithoutAFraction() throws Exception {
        assertThat(render("v${detail.version}").textValue()).isEqualTo("v3");
        assertThat(render("r=${detail.ratio}").textValue()).isEqualTo("r=1.5");
        assertThat(render("n=${detail.big}").textValue()).isEqualTo("n=100000000000000000000");
    }

    @Test
    void mixedTextJoinsSeveralExpressions() throws Exception {
        assertThat(render("${detail.pipeline}/${detail.state} in ${region}").textValue())
                .isEqualTo("checkout/FAILED in us-east-1");
    }

    @Test
    void mixedTextWithAMissingOrNullPathIsMissingAsAWhole() throws Exception {
        assertThat(render("state: ${detail.absent}").isMissingNode()).isTrue();
        assertThat(render("state: ${detail.nothing}").isMissingNode()).isTrue();
    }

    @Test
    void mixedTextWithAContainerReturnsTheContainerInsteadOfStringifyingIt() throws Exception {
        assertThat(render("owner: ${detail.type}").isObject()).isTrue();
    }

    @Test
    void hyphenatedKeysAreOrdinaryKeys() throws Exception {
        assertThat(render("${detail.execution-result.external-execution-url}").textValue())
                .isEqualTo("https://example.test/run");
    }

    @Test
    void arrayIndexSelectsAnElement() throws Exception {
        assertThat(render("${resources[1]}").textValue()).isEqualTo("arn:second");
        assertThat(render("${resources[5]}").isMissingNode()).isTrue();
    }

    @Test
    void quotedKeysMayContainDotsAndSpaces() throws Exception {
        assertThat(render("${detail['my.key']}").textValue()).isEqualTo("dotted");
        assertThat(render("${detail[\"with space\"]}").textValue()).isEqualTo("spaced");
    }

    @Test
    void spacesAroundPathsAndPipesAreAllowed() throws Exception {
        assertThat(render("${ detail.state | lower }").textValue()).isEqualTo("failed");
    }

    @Test
    void doubledDollarWritesALiteralDollarBrace() throws Exception {
        assertThat(render("$${not.a.path} ${detail.state}").textValue()).isEqualTo("${not.a.path} FAILED");
    }

    @Test
    void textWithoutExpressionsIsALiteral() throws Exception {
        Template template = new TemplateParser(Functions.standard()).parse("codepipeline.pipeline");

        assertThat(template.isLiteral()).isTrue();
        assertThat(template.render(EVENT).textValue()).isEqualTo("codepipeline.pipeline");
    }

    @Test
    void literalTextLeavesOutTheExpressions() throws Exception {
        Template template = new TemplateParser(Functions.standard()).parse("ci.${source} run");

        assertThat(template.literalText()).isEqualTo("ci. run");
    }
}
