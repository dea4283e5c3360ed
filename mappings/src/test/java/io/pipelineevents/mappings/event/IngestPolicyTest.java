package io.pipelineevents.mappings.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestPolicyTest {

    private static final SplunkEvent CLEAN = new SplunkEvent("ci.clean", "USER_DEFINED", Map.of(), Map.of(), null);
    private static final SplunkEvent TRUNCATED = new SplunkEvent("ci.truncated", "USER_DEFINED", Map.of(), Map.of(), null);
    private static final List<MappedEvent> MAPPED = List.of(
            new MappedEvent(CLEAN, "clean", List.of()),
            new MappedEvent(TRUNCATED, "long", List.of(
                    "rule 'long' property 'url': value truncated from 309 to 256 characters",
                    "rule 'long' dimension 'stage': value is empty; dimension dropped")));

    @Test
    void sanitizeSendsFixedEventsAndKeepsTheirFixesForTheLog() {
        IngestPolicy.Admission admission = IngestPolicy.SANITIZE.admit(MAPPED);

        assertThat(admission.events()).containsExactly(CLEAN, TRUNCATED);
        assertThat(admission.fixes()).hasSize(2);
        assertThat(admission.refusedAny()).isFalse();
    }

    @Test
    void strictRefusesEveryEventThatNeededAFixWithItsFixesAsTheReason() {
        IngestPolicy.Admission admission = IngestPolicy.STRICT.admit(MAPPED);

        assertThat(admission.events()).containsExactly(CLEAN);
        assertThat(admission.fixes()).isEmpty();
        assertThat(admission.refusals()).containsExactly("rule 'long': event refused by the STRICT ingest policy"
                + " because it needed 2 fixes: rule 'long' property 'url': value truncated from 309 to 256 characters;"
                + " rule 'long' dimension 'stage': value is empty; dimension dropped");
    }

    @Test
    void strictSendsEventsThatNeededNoFix() {
        assertThat(IngestPolicy.STRICT.admit(MAPPED.subList(0, 1)).events()).containsExactly(CLEAN);
    }

    @Test
    void policiesAreReadFromSettingsIgnoringCase() {
        assertThat(IngestPolicy.fromSetting("Strict")).contains(IngestPolicy.STRICT);
        assertThat(IngestPolicy.fromSetting(" sanitize ")).contains(IngestPolicy.SANITIZE);
        assertThat(IngestPolicy.fromSetting("lenient")).isEmpty();
        assertThat(IngestPolicy.settingNames()).containsExactly("sanitize", "strict");
    }
}
