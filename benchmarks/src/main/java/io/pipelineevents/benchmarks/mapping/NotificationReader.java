package io.pipelineevents.benchmarks.mapping;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.List;

/**
 * Parses a queue message body into the notification the mappings are given, the way the routes' EnvelopeReader does
 * (body format auto) for the bodies of the mix: one parse, and a second one of the {@code Message} string when the
 * body is an SNS notification envelope. Refusals are not replicated: every body of the mix is accepted by the
 * service. Replicated rather than called, so that the benchmarks need the mappings only, not Camel.
 */
final class NotificationReader {

    private static final List<String> SNS_MARKERS = List.of("Type", "MessageId", "TopicArn");

    private final ObjectReader json;

    NotificationReader(ObjectMapper mapper) {
        // As EnvelopeReader configures its reader.
        this.json = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The configured reader alone, for the Jackson ceiling: the same parsing without the envelope check. */
    ObjectReader jsonReader() {
        return json;
    }

    JsonNode read(byte[] body) throws IOException {
        JsonNode root = json.readTree(body);
        boolean envelope = SNS_MARKERS.stream().allMatch(marker -> root.path(marker).isTextual());
        if (envelope && "Notification".equals(root.get("Type").textValue())) {
            return json.readTree(root.path("Message").textValue());
        }
        return root;
    }
}
