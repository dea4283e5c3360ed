package io.pipelineevents.routes.parking;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Parks events on the dead-letter SQS queue: the body is the {@link ParkedEvents} JSON, and String message
 * attributes say what it is ({@value #KIND} = {@value #PARKED_EVENTS}), for which realm, why and when, so that an
 * operator can tell items apart in the console without opening them.
 *
 * <p>The same queue holds whole source messages that could not be processed, byte for byte, with
 * {@value #REASON}, {@value #SOURCE_QUEUE}, {@value #SOURCE_MESSAGE_ID}, {@value #PARKED_AT}, perhaps
 * {@value #REALM}, and no {@value #KIND}; and whatever the source queue's redrive policy moved there, with no
 * attributes at all. Reading lists both as {@link ParkedItem.Kind#UNPROCESSABLE_MESSAGE} and replay leaves them.
 *
 * <p>Listing and replay receive messages, since SQS cannot peek; see {@link DeadLetterSweep} for what that means.
 * While a listing runs (a few seconds) its messages are hidden for at most {@link #LIST_HOLD}; a replay keeps the
 * messages it received hidden until it ends, and if it dies, for at most {@link #REPLAY_HOLD}.
 */
public final class SqsParkingPlace implements ParkingPlace, ParkedStore {
    public static final String KIND = "pipeline-events-kind";
    public static final String PARKED_EVENTS = "parked-events";
    public static final String REALM = "pipeline-events-realm";
    public static final String REASON = "pipeline-events-reason";
    public static final String PARKED_AT = "pipeline-events-parked-at";
    public static final String SOURCE_QUEUE = "pipeline-events-source-queue";
    public static final String SOURCE_MESSAGE_ID = "pipeline-events-source-message-id";

    static final Duration LIST_HOLD = Duration.ofSeconds(30);
    static final Duration REPLAY_HOLD = Duration.ofMinutes(5);
    /** The whole reason is in the body; the attribute is for reading in a console list. */
    private static final int REASON_ATTRIBUTE_MAX = 1024;
    /** SQS accepts only the characters XML allows in a message or attribute. */
    private static final String NOT_SQS_TEXT = "[^\\t\\n\\r\\x{20}-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]";

    private final SqsClient sqs;
    private final String queueUrl;
    private final ParkedEventsJson json = new ParkedEventsJson();

    public SqsParkingPlace(SqsClient sqs, String deadLetterQueueUrl) {
        this.sqs = sqs;
        this.queueUrl = deadLetterQueueUrl;
    }

    /** Returns once SQS has stored the message, which is durable. */
    @Override
    public void park(ParkedEvents parked) throws ParkingFailedException {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        attributes.put(KIND, text(PARKED_EVENTS));
        attributes.put(REALM, text(parked.realm()));
        attributes.put(REASON, text(reasonAttribute(parked.reason())));
        attributes.put(PARKED_AT, text(parked.parkedAt().toString()));
        try {
            sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(json.write(parked)).messageAttributes(attributes));
        } catch (SdkException e) {
            throw new ParkingFailedException("cannot park " + parked.events().size() + " events for realm "
                    + parked.realm() + " on the dead-letter queue " + queueUrl + ": " + e.getMessage(), e);
        }
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private static String reasonAttribute(String reason) {
        String clean = reason == null || reason.isBlank() ? "unknown" : reason.replaceAll(NOT_SQS_TEXT, "?");
        if (clean.codePointCount(0, clean.length()) <= REASON_ATTRIBUTE_MAX) {
            return clean;
        }
        return clean.substring(0, clean.offsetByCodePoints(0, REASON_ATTRIBUTE_MAX - 1)) + "…";
    }

    @Override
    public List<ParkedItem> list(Optional<String> realm) {
        List<ParkedItem> items = new ArrayList<>();
        try (DeadLetterSweep sweep = new DeadLetterSweep(sqs, queueUrl, LIST_HOLD)) {
            for (List<Message> batch = sweep.next(); !batch.isEmpty(); batch = sweep.next()) {
                batch.stream().map(this::item).filter(item -> item.belongsTo(realm)).forEach(items::add);
            }
        }
        items.sort(Comparator.comparing(ParkedItem::parkedAt).thenComparing(ParkedItem::id));
        return items;
    }

    /**
     * Replays batch by batch as SQS hands messages out, oldest first within a batch (SQS keeps no order), so that
     * each message is delivered and deleted well within the hold its receive began; receiving the whole queue first
     * could outlast that hold on a long replay.
     */
    @Override
    public ReplayReport replay(Optional<String> realm, Predicate<ParkedEvents> deliver) {
        ReplayTally tally = new ReplayTally(deliver);
        try (DeadLetterSweep sweep = new DeadLetterSweep(sqs, queueUrl, REPLAY_HOLD)) {
            for (List<Message> batch = sweep.next(); !batch.isEmpty(); batch = sweep.next()) {
                List<Received> received = batch.stream().map(message -> new Received(item(message), message))
                        .filter(each -> each.item().belongsTo(realm))
                        .sorted(Comparator.comparing(each -> each.item().parkedAt()))
                        .toList();
                for (Received each : received) {
                    if (each.item().events().isEmpty()) {
                        tally.skip();
                    } else if (tally.offer(each.item().id(), each.item().events().get())) {
                        sweep.delete(each.message());
                        tally.removed();
                    }
                }
            }
        }
        return tally.report();
    }

    private record Received(ParkedItem item, Message message) {
    }

    private ParkedItem item(Message message) {
        Map<String, MessageAttributeValue> attributes = message.messageAttributes();
        Optional<String> realm = attribute(attributes, REALM);
        if (attribute(attributes, KIND).filter(PARKED_EVENTS::equals).isPresent()) {
            try {
                return ParkedItem.of(message.messageId(), json.read(message.body()));
            } catch (IOException e) {
                return unprocessable(message, realm, "not a readable parked-events message: " + e.getMessage());
            }
        }
        return unprocessable(message, realm, attribute(attributes, REASON).orElse("no " + REASON
                + " attribute: moved here by the source queue's redrive policy or by another tool"));
    }

    private static ParkedItem unprocessable(Message message, Optional<String> realm, String reason) {
        Map<String, MessageAttributeValue> attributes = message.messageAttributes();
        return ParkedItem.unprocessable(message.messageId(), realm, reason, parkedAt(message),
                attribute(attributes, SOURCE_MESSAGE_ID).map(List::of).orElse(List.of()),
                attribute(attributes, SOURCE_QUEUE), message.body());
    }

    /** When it was parked, or else when it was sent to this queue. */
    private static Instant parkedAt(Message message) {
        Optional<String> attribute = attribute(message.messageAttributes(), PARKED_AT);
        if (attribute.isPresent()) {
            try {
                return Instant.parse(attribute.get());
            } catch (DateTimeParseException e) {
                // fall back to the time SQS recorded
            }
        }
        String sent = message.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP);
        try {
            return sent == null ? Instant.EPOCH : Instant.ofEpochMilli(Long.parseLong(sent));
        } catch (NumberFormatException e) {
            return Instant.EPOCH;
        }
    }

    private static Optional<String> attribute(Map<String, MessageAttributeValue> attributes, String name) {
        return Optional.ofNullable(attributes.get(name)).map(MessageAttributeValue::stringValue)
                .filter(value -> !value.isEmpty());
    }

    @Override
    public String describe() {
        return "dead-letter queue " + queueUrl;
    }
}
