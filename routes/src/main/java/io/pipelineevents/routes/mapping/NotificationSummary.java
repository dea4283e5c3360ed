package io.pipelineevents.routes.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipelineevents.routes.envelope.Notification;
import java.util.StringJoiner;

/** A short, log-friendly description of a notification: what it is and where it came from, never its whole body. */
public final class NotificationSummary {
    private NotificationSummary() {
    }

    public static String of(Notification notification) {
        JsonNode payload = notification.payload();
        StringJoiner parts = new StringJoiner(", ");
        add(parts, "source", payload.path("source"));
        add(parts, "detail-type", payload.has("detail-type") ? payload.path("detail-type") : payload.path("detailType"));
        add(parts, "pipeline", payload.path("detail").path("pipeline"));
        add(parts, "state", payload.path("detail").path("state"));
        add(parts, "id", payload.path("id"));
        if (notification.messageId() != null) {
            parts.add("sns MessageId " + notification.messageId());
        }
        String text = parts.toString();
        return text.isEmpty() ? notification.envelope() + " notification with keys " + keys(payload) : text;
    }

    private static void add(StringJoiner parts, String name, JsonNode value) {
        if (value.isValueNode() && !value.isNull()) {
            parts.add(name + " " + value.asText());
        }
    }

    private static String keys(JsonNode payload) {
        StringJoiner keys = new StringJoiner(",", "[", "]");
        payload.fieldNames().forEachRemaining(keys::add);
        return keys.toString();
    }
}
