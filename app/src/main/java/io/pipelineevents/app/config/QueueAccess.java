package io.pipelineevents.app.config;

import io.pipelineevents.routes.source.SqsSource;
import java.util.Optional;

/**
 * What it takes to reach the queue: enough for {@code send}, which must not need realm tokens or mappings.
 *
 * @param embeddedPort the port of the embedded SQS server, present only when no queue is configured
 */
public record QueueAccess(SqsSource source, SqsConnection connection, Optional<Integer> embeddedPort) {

    public boolean embedded() {
        return embeddedPort.isPresent();
    }
}
