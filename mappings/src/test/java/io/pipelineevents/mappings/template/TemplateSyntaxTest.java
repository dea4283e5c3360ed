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
            "${detail.state | lowr}"   # unknown function 'lowr'; did you mean 'lower'? (known: lower, upper, default, truncate, replace, json, parseJson, path, state, epochMillis, timestamp) at character 18
            "${detail.state | frob}"   # unknown function 'frob' (known: lower, upper, default, truncate, replace, json, parseJson, path, state, epochMillis, timestamp) at character 18
            "${detail.state | default}"# function 'default' takes 1 argument, got 0 at character 18
            "${detail.state | lower(1)}" # function 'lower' takes 0 arguments, got 1 at character 18
            "${x | default(bare)}"     # expected a quoted text or a number as argument at character 15
            "${x | default('a' 'b')}"  # expected ',' but found ''' at character 19
            "${x | truncate}"          # function 'truncate' takes 1 argument, got 0; write it as truncate(n) at character 7
            "${x | truncate(0)}"       # function 'truncate': truncate needs a whole number of characters of at least 1, not 0 at character 16
            "${x | replace('a')}"      # function 'replace' takes 2 arguments, got 1; write it as replace('regex', 'replacement') at character 7
            "${x | replace('[a-', 'b')}" # function 'replace': bad regex '[a-': Illegal character range near index 3 at character 15
            "${x | replace('(a', 'b')}"  # function 'replace': bad regex '(a': Unclosed group near index 2 at character 15
            "${x | replace('a', '$1')}"  # function 'replace': replacement refers to group $1 but the regex has 0 groups at character 20
            "${x | replace('a', '${n}')}"  # function 'replace': replacement refers to group ${n}, which the regex does not name at character 20
            "${x | replace(1, 'b')}"   # function 'replace': replace needs a quoted text here, not 1 at character 15
            "${x | timestamp('yyyy{')}"  # function 'timestamp': bad date-time pattern 'yyyy{': Pattern includes reserved character: '{' at character 17
            "${x | path('a..b')}"      # function 'path': bad path 'a..b': expected a key (character 3 of the path) at character 12
            "${x | path('a b')}"       # function 'path': bad path 'a b': unexpected ' ' after the path (character 2 of the path) at character 12
            "${x | parsejson}"         # unknown function 'parsejson'; did you mean 'parseJson'? (known: lower, upper, default, truncate, replace, json, parseJson, path, state, epochMillis, timestamp) at character 7
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
