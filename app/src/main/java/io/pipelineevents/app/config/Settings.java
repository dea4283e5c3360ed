package io.pipelineevents.app.config;

import io.pipelineevents.routes.delivery.IngestHttpSettings;
import io.pipelineevents.routes.delivery.Realm;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The whole validated configuration of {@code run}. Built only by {@link SettingsReader}, which checks every value
 * at start-up.
 *
 * @param mappingsPath a mapping file or folder; empty means {@code mappingsPreset}
 */
public record Settings(
        QueueAccess queue,
        Optional<Path> mappingsPath,
        String mappingsPreset,
        List<Realm> realms,
        IngestHttpSettings http) {
}
