package io.pipelineevents.app.config;

import io.pipelineevents.routes.delivery.IngestHttpSettings;
import io.pipelineevents.routes.delivery.Realm;
import java.util.List;

/**
 * The whole validated configuration of {@code run}. Built only by {@link SettingsReader}, which checks every value
 * at start-up.
 *
 * @param dedupeKeys how many delivery keys each realm remembers to skip a notification it already accepted; 0 = off
 */
public record Settings(QueueAccess queue, MappingsChoice mappings, List<Realm> realms, IngestHttpSettings http,
        int dedupeKeys) {
}
