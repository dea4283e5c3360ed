package io.pipelineevents.app.status;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param file        where the running service writes its status, for {@code pipeline-events status}
 * @param logInterval how often a status line is logged when something changed; zero turns it off
 */
public record StatusSettings(Path file, Duration logInterval) {
}
