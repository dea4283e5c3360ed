package io.pipelineevents.mappings.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateSyntaxTest {

    private final TemplateParser parser = new TemplateParser(Functions.standard());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', quoteCharacter = '"', textBlock = """
            "a ${detail"               # '${' is not closed with '}' at character 3
            "${}"                      # expected a path at character 3
            "${detail.}"               # expected a key at character 10
            "${detail..state}"         # expected a key at character 10
            "${resources[x]}"          # expected an array index or a quoted key after '[' at character 13
            "${resources[0}"           # expected ']' but found '}' at character 14
            "${detail['open}"          # quoted text is not closed at character 10
            "${detail.state lower}"    # expected '|' or '}' but found 'l' at character 16
            "${detail.state | }"       # expected a function name after '|' at character 18
            "${detail.state | lowr}"   # unknown function 'lowr'; did you mean 'lower'? (known: lower, upper, default) at character 18
            "${detail.state | frob}"   # unknown function 'frob' (known: lower, upper, default) at character 18
            "${detail.state | default}"# function 'default' takes 1 argument, got 0 at character 18
            "${detail.state | lower(1)}" # function 'lower' takes 0 arguments, got 1 at character 18
            "${x | default(bare)}"     # expected a quoted text or a number as argument at character 15
            "${x | default('a' 'b')}"  # expected ',' but found ''' at character 19
            """)
    void syntaxErrorsSayWhatAndWhere(String template, String message) {
        assertThatThrownBy(() -> parser.parse(template))
                .isInstanceOf(TemplateSyntaxException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "plain text"
            "${detail.execution-result.external-execution-url}"
            "${resources[0]}"
            "${detail['my.key']['inner key']}"
            "${a} and ${b}"
            "${x | default('it\\'s') | upper}"
            "${x | default(-1.5)}"
            "costs $5 and {braces}"
            """)
    void validTemplatesParse(String template) throws TemplateSyntaxException {
        assertThat(parser.parse(template).source()).isEqualTo(template);
    }
}
