package io.pipelineevents.routes.envelope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Removes the transport envelope from a queue message body. The rules are in {@code docs/sources.md}: an SNS
 * envelope is recognised only by SNS's own markers, its {@code Message} string is parsed a second time, and
 * anything else is taken as the notification itself (unless the body format says every body is an envelope).
 */
public final class EnvelopeReader {

    private static final Set<String> SNS_CONTROL_TYPES = Set.of("SubscriptionConfirmation", "UnsubscribeConfirmation");

    private static final List<String> SNS_MARKERS = List.of("Type", "MessageId", "TopicArn");

    private final ObjectReader json;
    private final BodyFormat format;

    public EnvelopeReader(ObjectMapper json, BodyFormat format) {
        // A body with anything after its JSON value is not the JSON it starts with.
        this.json = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.format = format;
    }

    /**
     * @return the notification, or the SNS control message (subscription confirmations) that arrived instead
     * @throws UnprocessableMessageException when the body can never become a notification
     */
    public QueueMessage read(String body) {
        JsonNode root = parse(body, "message body");
        if (!root.isObject()) {
            throw new UnprocessableMessageException("message body is JSON but not an object (it is " + kind(root) + ")");
        }
        if (format == BodyFormat.RAW) {
            return new Notification(root, "raw", null);
        }
        if (looksLikeSnsEnvelope(root)) {
            return unwrapSns(root);
        }
        if (format == BodyFormat.SNS_ENVELOPE) {
            throw new UnprocessableMessageException("body format is sns-envelope but the body has no SNS envelope"
                    + " (needs string fields Type, MessageId and TopicArn)");
        }
        if (root.has("Type") && root.has("Message")) {
            List<String> missing = SNS_MARKERS.stream().filter(marker -> !root.path(marker).isTextual()).toList();
            throw new UnprocessableMessageException("body looks like an SNS envelope but has no string "
                    + String.join(", ", missing) + "; refusing to guess whether it is one");
        }
        if (root.path("Records").isArray()) {
            throw new UnprocessableMessageException("body is a Lambda event (Records[]), not a queue message;"
                    + " send each record's notification instead");
        }
        return new Notification(root, "raw", null);
    }

    private QueueMessage unwrapSns(JsonNode envelope) {
        String type = envelope.get("Type").asText();
        String messageId = envelope.get("MessageId").asText();
        if (SNS_CONTROL_TYPES.contains(type)) {
            return new SnsControlMessage(type, envelope.get("TopicArn").asText(), envelope.path("SubscribeURL").asText(null));
        }
        if (!"Notification".equals(type)) {
            throw new UnprocessableMessageException("SNS envelope " + messageId + " has unknown Type '" + type + "'");
        }
        JsonNode message = envelope.path("Message");
        if (!message.isTextual()) {
            throw new UnprocessableMessageException("SNS envelope " + messageId + " has no Message string");
        }
        JsonNode payload = parse(message.asText(), "SNS Message of " + messageId);
        if (!payload.isObject()) {
            throw new UnprocessableMessageException("SNS Message of " + messageId + " is JSON but not an object (it is "
                    + kind(payload) + ")");
        }
        return new Notification(payload, "sns", messageId);
    }

    private static boolean looksLikeSnsEnvelope(JsonNode root) {
        return SNS_MARKERS.stream().allMatch(marker -> root.path(marker).isTextual());
    }

    private JsonNode parse(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new UnprocessableMessageException(what + " is empty");
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UnprocessableMessageException(what + " is not JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
