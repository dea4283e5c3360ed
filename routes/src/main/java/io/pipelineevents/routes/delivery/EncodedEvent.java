package io.pipelineevents.routes.delivery;

import java.nio.charset.StandardCharsets;

/**
 * One Splunk event already written as JSON. Events are written once, when a notification is handed to the realms,
 * and batches are put together from these bytes, whatever the number of realms or of attempts.
 */
public record EncodedEvent(byte[] json) {

    @Override
    public String toString() {
        return new String(json, StandardCharsets.UTF_8);
    }
}
