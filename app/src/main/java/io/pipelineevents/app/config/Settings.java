package io.pipelineevents.app.config;

import io.pipelineevents.routes.delivery.IngestHttpSettings;
import io.pipelineevents.routes.delivery.Realm;
import io.pipelineevents.routes.source.SqsSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The whole validated configuration. Built only by {@link SettingsReader}, which checks every value at start-up.
 *
 * @param embeddedPort   the port of the embedded SQS server, present only when no queue is configured
 * @param mappingsPath   a mapping file or folder; empty means {@code mappingsPreset}
 */
public record Settings(
        SqsSource source,
        SqsConnection connection,
        Optional<Integer> embeddedPort,
        Optional<Path> mappingsPath,
        String mappingsPreset,
        List<Realm> realms,
        IngestHttpSettings http) {

    public boolean embedded() {
        return embeddedPort.isPresent();
    }
}
