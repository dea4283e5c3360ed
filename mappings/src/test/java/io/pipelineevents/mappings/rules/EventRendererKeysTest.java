package io.pipelineevents.mappings.rules;

import static io.pipelineevents.mappings.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.pipelineevents.mappings.event.IngestRules;
import io.pipelineevents.mappings.event.SplunkEvent;
import io.pipelineevents.mappings.template.Constant;
import io.pipelineevents.mappings.template.ValueTemplate;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keys are literals checked at load, never taken from data. Templates built in code skip that check,
 * so the renderer sanitises their keys too and reports it as a fix (which STRICT then refuses).
 */
class EventRendererKeysTest {

    private static ValueTemplate text(String value) {
        return new Constant(TextNode.valueOf(value));
    }

    @Test
    void aKeyIngestWouldRefuseIsSanitisedAndReportedAsAFix() {
        EventTemplate template = new EventTemplate(text("ci.event"), null,
                Map.of("sf_stage name", text("Build")), Map.of("detail.execution-id", text("x")), null);

        Rendering rendering = new EventRenderer().render(Rule.producing("coded", 0, List.of(template)), json("{}")).get(0);

        SplunkEvent event = rendering.event();
        assertThat(event.dimensions()).containsOnlyKeys("xsf_stage_name");
        assertThat(event.properties()).containsOnlyKeys("detail_execution-id");
        assertThat(rendering.fixes()).containsExactly(
                "rule 'coded' dimension 'sf_stage name': key renamed to 'xsf_stage_name' for ingest",
                "rule 'coded' property 'detail.execution-id': key renamed to 'detail_execution-id' for ingest");
        assertThat(IngestRules.check(event)).isEmpty();
    }

    /** The renderer remembers its verdict on each key; the fix must still be reported with every event. */
    @Test
    void aRenamedKeyIsReportedWithEveryEventNotOnlyTheFirst() {
        EventTemplate template =
                new EventTemplate(text("ci.event"), null, Map.of("aws_region", text("eu")), Map.of(), null);
        EventRenderer renderer = new EventRenderer();
        Rule rule = Rule.producing("coded", 0, List.of(template));

        Rendering first = renderer.render(rule, json("{}")).get(0);
        Rendering second = renderer.render(rule, json("{}")).get(0);

        assertThat(List.of(first, second)).allSatisfy(rendering -> {
            assertThat(rendering.event().dimensions()).containsOnlyKeys("xaws_region");
            assertThat(rendering.fixes()).containsExactly(
                    "rule 'coded' dimension 'aws_region': key renamed to 'xaws_region' for ingest");
        });
    }

    @Test
    void sanitizedKeysFollowTheForwarderConventionAndFitIn128Characters() {
        assertThat(IngestRules.sanitizeKey("detail.my key")).isEqualTo("detail_my_key");
        assertThat(IngestRules.sanitizeKey("_private")).isEqualTo("x_private");
        assertThat(IngestRules.sanitizeKey("9lives")).isEqualTo("x9lives");
        assertThat(IngestRules.sanitizeKey("k".repeat(200))).hasSize(128);
    }

    @Test
    void checkListsEverythingIngestWouldDropAnEventFor() {
        SplunkEvent bad = new SplunkEvent("ci event", "USER_DEFINED", Map.of("stage", "", "aws_x", "v"),
                Map.of("url", "u".repeat(300)), 1772446530L);

        assertThat(IngestRules.check(bad)).containsExactlyInAnyOrder(
                "eventType must not contain spaces or other whitespace",
                "dimension 'stage' is empty",
                "dimension key 'aws_x': it starts with the reserved prefix 'aws_'",
                "property 'url' is 300 characters long",
                "timestamp 1772446530 looks like seconds, not milliseconds");
    }
}
