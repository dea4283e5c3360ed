package io.pipelineevents.app.config;

import io.pipelineevents.app.status.StatusSettings;
import io.pipelineevents.routes.dedupe.DedupeSettings;
import io.pipelineevents.routes.delivery.IngestHttpSettings;
import io.pipelineevents.routes.delivery.Realm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The whole validated configuration of {@code run}. Built only by {@link SettingsReader}, which checks every value
 * at start-up.
 *
 * @param dedupe           where realms remember the notifications they accepted or parked, to skip duplicates
 * @param parkingDirectory where realms park events when there is no dead-letter queue (the embedded default)
 * @param status           where the status file is written and how often a status line is logged
 * @param shutdownDeadline how long realms may go on delivering what they hold once the service is told to stop
 */
public record Settings(QueueAccess queue, MappingsChoice mappings, List<Realm> realms, IngestHttpSettings http,
        DedupeSettings dedupe, Path parkingDirectory, Duration shutdownDeadline,
        StatusSettings status) {
}
