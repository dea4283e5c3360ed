package io.pipelineevents.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelineevents.routes.delivery.Realm;
import io.pipelineevents.routes.envelope.BodyFormat;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    @TempDir
    Path dir;

    private Settings read(String... lines) throws Exception {
        Path file = dir.resolve("pipeline-events.properties");
        Files.write(file, java.util.List.of(lines));
        return new ConfigFile(Optional.of(file)).read();
    }

    @Test
    void withoutAQueueTheEmbeddedServerAndTheConsoleRealmAreUsed() throws Exception {
        Settings settings = read("# nothing set");

        assertThat(settings.queue().embeddedPort()).contains(9324);
        assertThat(settings.queue().source().queue().name()).isEqualTo("pipeline-events");
        assertThat(settings.queue().source().deadLetterQueue()).map(Object::toString).contains("pipeline-events-parked");
        assertThat(settings.realms()).extracting(Realm::name).containsExactly("console");
        assertThat(settings.queue().source().bodyFormat()).isEqualTo(BodyFormat.AUTO);
    }

    @Test
    void theConfigFileOverridesTheShippedDefaults() throws Exception {
        Settings settings = read(
                "pipeline-events.sqs.queue=https://sqs.eu-west-1.amazonaws.com/111122223333/pipeline-notifications",
                "pipeline-events.sqs.consumers=4",
                "pipeline-events.sqs.body-format=sns-envelope",
                "pipeline-events.realms=us1,eu0",
                "pipeline-events.realm.us1.token=t1",
                "pipeline-events.realm.eu0.token=t2",
                "pipeline-events.realm.eu0.url=https://proxy.example.com/splunk");

        assertThat(settings.queue().embedded()).isFalse();
        assertThat(settings.queue().source().queue().name()).isEqualTo("pipeline-notifications");
        assertThat(settings.queue().connection().region()).isEqualTo("eu-west-1");
        assertThat(settings.queue().source().consumers()).isEqualTo(4);
        assertThat(settings.queue().source().bodyFormat()).isEqualTo(BodyFormat.SNS_ENVELOPE);
        assertThat(settings.realms()).extracting(Realm::ingestUrl).containsExactly(
                Optional.of(URI.create("https://ingest.us1.signalfx.com")),
                Optional.of(URI.create("https://proxy.example.com/splunk")));
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsPropertyAndVariable() throws IOException {
        assertThatThrownBy(() -> read(
                "pipeline-events.sqs.queue=not a queue!",
                "pipeline-events.sqs.consumers=many",
                "pipeline-events.sqs.max-messages-per-poll=11",
                "pipeline-events.sqs.body-format=xml",
                "pipeline-events.realms=us1,US 2",
                "pipeline-events.realm.us1.url=ftp://example.com"))
                .isInstanceOf(InvalidSettingsException.class)
                .satisfies(e -> assertThat(((InvalidSettingsException) e).problems()).containsExactlyInAnyOrder(
                        "pipeline-events.sqs.queue (env PIPELINE_EVENTS_SQS_QUEUE) 'not a queue!' is neither a queue URL"
                                + " nor a queue name (1 to 80 letters, digits, '-' or '_', optionally ending in .fifo)",
                        "pipeline-events.sqs.consumers (env PIPELINE_EVENTS_SQS_CONSUMERS) 'many' is not a whole number",
                        "pipeline-events.sqs.max-messages-per-poll (env PIPELINE_EVENTS_SQS_MAX_MESSAGES_PER_POLL) is 11;"
                                + " it must be between 1 and 10",
                        "pipeline-events.sqs.body-format (env PIPELINE_EVENTS_SQS_BODY_FORMAT) 'xml' is not a body format;"
                                + " use one of auto, sns-envelope, raw",
                        "pipeline-events.realms (env PIPELINE_EVENTS_REALMS) 'US 2' is not a valid realm name"
                                + " (lower-case letters, digits and '-')",
                        "pipeline-events.realm.us1.token (env PIPELINE_EVENTS_REALM_US1_TOKEN) is missing: every realm"
                                + " but 'console' needs an org access token with Ingest scope",
                        "pipeline-events.realm.us1.url (env PIPELINE_EVENTS_REALM_US1_URL) is not an http(s) URL with a"
                                + " host, such as https://ingest.us1.signalfx.com"));
    }

    @Test
    void aTokenValueNeverAppearsInAProblem() {
        assertThatThrownBy(() -> read(
                "pipeline-events.realms=us1",
                "pipeline-events.realm.us1.token=SECRET-TOKEN-VALUE",
                "pipeline-events.realm.us1.realm=Not A Realm"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("pipeline-events.realm.us1.realm")
                .hasMessageNotContaining("SECRET-TOKEN-VALUE");
    }

    @Test
    void aMistypedSettingIsReportedWithTheNearestKnownOne() {
        assertThatThrownBy(() -> read("pipeline-events.sqs.queu=orders"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("pipeline-events.sqs.queu is not a setting; did you mean 'pipeline-events.sqs.queue'?");
    }

    @Test
    void aMistypedPrefixIsNotSilentlyIgnored() {
        assertThatThrownBy(() -> read("pipline-events.realms=us1", "camel.main.shutdownTimeout=10"))
                .isInstanceOf(InvalidSettingsException.class)
                .satisfies(e -> assertThat(((InvalidSettingsException) e).problems()).containsExactly(
                        "pipline-events.realms is not a setting; did you mean 'pipeline-events.realms'?"));
    }

    @Test
    void sendChecksForMistypedSettingsToo() throws IOException {
        Path file = dir.resolve("send.properties");
        Files.write(file, java.util.List.of("pipeline-events.sqs.queu=orders"));

        assertThatThrownBy(() -> new ConfigFile(Optional.of(file)).readQueueAccess())
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("did you mean 'pipeline-events.sqs.queue'?");
    }

    @Test
    void aRealmSettingForARealmThatIsNotListedIsReported() {
        assertThatThrownBy(() -> read("pipeline-events.realms=us1", "pipeline-events.realm.us1.token=t",
                "pipeline-events.realm.us2.token=t"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("pipeline-events.realm.us2.token configures realm 'us2', which is not listed in"
                        + " pipeline-events.realms");
    }

    @Test
    void sendNeedsNoRealmToken() throws Exception {
        Path file = dir.resolve("send.properties");
        Files.write(file, java.util.List.of("pipeline-events.realms=us1"));

        QueueAccess queue = new ConfigFile(Optional.of(file)).readQueueAccess();

        assertThat(queue.embedded()).isTrue();
    }

    @Test
    void aRealmUrlWithAQueryIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> read("pipeline-events.realms=us1", "pipeline-events.realm.us1.token=t",
                "pipeline-events.realm.us1.url=https://ingest.example.com?secret=s3cret",
                "pipeline-events.sqs.consumers=99999999999999"))
                .isInstanceOf(InvalidSettingsException.class)
                .satisfies(e -> assertThat(((InvalidSettingsException) e).problems()).containsExactlyInAnyOrder(
                        "pipeline-events.realm.us1.url (env PIPELINE_EVENTS_REALM_US1_URL) must not carry a query or"
                                + " fragment; the token goes in its own setting",
                        "pipeline-events.sqs.consumers (env PIPELINE_EVENTS_SQS_CONSUMERS) is 99999999999999; it must"
                                + " be between 1 and 64"));
    }

    @Test
    void replayingOneRealmNeedsOnlyThatRealmsToken() throws Exception {
        Path file = dir.resolve("replay.properties");
        Files.write(file, java.util.List.of("pipeline-events.realms=alpha,beta",
                "pipeline-events.realm.alpha.token=alpha-token", "pipeline-events.realm.beta.realm=us1"));
        ConfigFile config = new ConfigFile(Optional.of(file));

        assertThat(config.readWithTokenOf("alpha").realms()).extracting(Realm::name).containsExactly("alpha", "beta");
        assertThatThrownBy(() -> config.readWithTokenOf("beta"))
                .hasMessageContaining("pipeline-events.realm.beta.token")
                .hasMessageNotContaining("realm.alpha.token");
    }

    @Test
    void aMissingExplicitConfigFileIsAnError() {
        assertThatThrownBy(() -> new ConfigFile(Optional.of(dir.resolve("absent.properties"))).read())
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("absent.properties' does not exist");
    }
}
