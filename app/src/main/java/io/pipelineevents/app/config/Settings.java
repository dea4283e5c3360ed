package io.pipelineevents.app.config;

import io.pipelineevents.routes.delivery.IngestHttpSettings;
import io.pipelineevents.routes.delivery.Realm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The whole validated configuration of {@code run}. Built only by {@link SettingsReader}, which checks every value
 * at start-up.
 *
 * @param dedupeKeys       how many delivery keys each realm remembers to skip a notification it already accepted;
 *                         0 = off
 * @param parkingDirectory where realms park events when there is no dead-letter queue (the embedded default)
 * @param shutdownDeadline how long realms may go on delivering what they hold once the service is told to stop
 */
public record Settings(QueueAccess queue, MappingsChoice mappings, List<Realm> realms, IngestHttpSettings http,
        int dedupeKeys, Path parkingDirectory, Duration shutdownDeadline) {
}
