package io.pipelineevents.routes.envelope;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a queue message body is read. Chosen by configuration ({@code pipeline-events.sqs.body-format}); never
 * guessed from "it parsed, so it must be an envelope".
 */
public enum BodyFormat {
    /** An SNS envelope when the body carries SNS's markers (Type, MessageId, TopicArn), else the notification itself. */
    AUTO,
    /** Every body must be an SNS envelope (subscription with raw message delivery off). */
    SNS_ENVELOPE,
    /** Every body is the notification itself (raw message delivery on, or an EventBridge rule targeting the queue). */
    RAW;

    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static BodyFormat fromConfig(String value) {
        for (BodyFormat format : values()) {
            if (format.configName().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a body format; use one of "
                + Arrays.stream(values()).map(BodyFormat::configName).collect(Collectors.joining(", ")));
    }
}
