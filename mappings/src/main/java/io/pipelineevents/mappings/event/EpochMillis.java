package io.pipelineevents.mappings.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Turns a rendered timestamp value into epoch milliseconds, the only unit ingest understands.
 *
 * <p>Accepts ISO-8601 date-times with a zone ({@code Z} or an offset), with or without seconds and
 * fractions, and integral numbers of milliseconds. Anything else is rejected with a reason rather
 * than guessed at: a wrong guess puts the event in 1970 where no chart shows it.
 */
public final class EpochMillis {

    /** Either {@code millis} or {@code problem} is set. */
    public record Result(Long millis, String problem) {

        static Result of(long millis) {
            return new Result(millis, null);
        }

        static Result rejected(String problem) {
            return new Result(null, problem);
        }
    }

    private EpochMillis() {
    }

    public static Result from(JsonNode value) {
        if (value.isTextual()) {
            return fromText(value.textValue());
        }
        if (value.isIntegralNumber() || (value.isFloatingPointNumber() && isIntegral(value.doubleValue()))) {
            return fromNumber(value.longValue());
        }
        return Result.rejected("'" + value + "' is neither an ISO-8601 date-time nor an integral number of milliseconds");
    }

    private static Result fromText(String text) {
        try {
            // ISO_OFFSET_DATE_TIME makes seconds and fractions optional, so '2016-07-07T20:22Z' parses too.
            return Result.of(OffsetDateTime.parse(text).toInstant().toEpochMilli());
        } catch (DateTimeParseException e) {
            return Result.rejected("'" + text + "' is not an ISO-8601 date-time with a zone");
        }
    }

    private static Result fromNumber(long number) {
        if (IngestRules.looksLikeSeconds(number)) {
            return Result.rejected(number + " looks like seconds, not milliseconds");
        }
        return Result.of(number);
    }

    private static boolean isIntegral(double value) {
        return !Double.isInfinite(value) && value == Math.rint(value);
    }
}
