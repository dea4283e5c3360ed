package io.pipelineevents.mappings.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** yyyy-MM-dd, then optionally a time (T or space; minutes, seconds and fraction optional), then a zone. */
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})(?:[T ](\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?))?"
                    + " ?(Z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    /** AWS CodeBuild's build-start-time, e.g. 'Mar 2, 2026 10:16:02 AM'; it has no zone and is UTC. */
    private static final DateTimeFormatter CODEBUILD = DateTimeFormatter.ofPattern("MMM d, yyyy h:mm:ss a", Locale.ENGLISH);

    private EpochMillis() {
    }

    /**
     * What the {@code epochMillis} function accepts, for sources that need it: ISO-8601 with or without
     * seconds, fraction and zone (no zone means UTC), {@code 2026-03-02 10:15:00 UTC} (GitLab),
     * {@code Mar 2, 2026 10:16:02 AM} (CodeBuild, UTC), and numbers or digit strings, read as seconds when
     * below 10^11 and as milliseconds otherwise. Empty when the value is none of these.
     */
    public static Optional<Long> fromAnyFormat(JsonNode value) {
        if (value.isNumber()) {
            return fromEpoch(value.decimalValue());
        }
        if (!value.isTextual()) {
            return Optional.empty();
        }
        String text = value.textValue().trim();
        if (NUMBER.matcher(text).matches()) {
            return fromEpoch(new BigDecimal(text));
        }
        Matcher dateTime = DATE_TIME.matcher(text);
        if (dateTime.matches()) {
            try {
                LocalTime time = dateTime.group(2) == null ? LocalTime.MIDNIGHT : LocalTime.parse(dateTime.group(2).replace(',', '.'));
                String zone = dateTime.group(3);
                ZoneOffset offset = zone == null || zone.equals("Z") || zone.equals("UTC") || zone.equals("GMT")
                        ? ZoneOffset.UTC : ZoneOffset.of(zone);
                return Optional.of(LocalDate.parse(dateTime.group(1)).atTime(time).toInstant(offset).toEpochMilli());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return fromPattern(text, CODEBUILD);
    }

    /** A date-time in the given pattern; without a zone or offset in the pattern it is UTC. */
    public static Optional<Long> fromPattern(String text, DateTimeFormatter pattern) {
        try {
            TemporalAccessor parsed = pattern.parseBest(text.trim(), ZonedDateTime::from, OffsetDateTime::from,
                    LocalDateTime::from, LocalDate::from);
            if (parsed instanceof ZonedDateTime zoned) {
                return Optional.of(zoned.toInstant().toEpochMilli());
            }
            if (parsed instanceof OffsetDateTime offset) {
                return Optional.of(offset.toInstant().toEpochMilli());
            }
            if (parsed instanceof LocalDateTime local) {
                return Optional.of(local.toInstant(ZoneOffset.UTC).toEpochMilli());
            }
            return Optional.of(((LocalDate) parsed).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli());
        } catch (DateTimeParseException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> fromEpoch(BigDecimal number) {
        BigDecimal millis = number.abs().compareTo(BigDecimal.valueOf(100_000_000_000L)) < 0
                ? number.movePointRight(3) : number;
        try {
            return Optional.of(millis.setScale(0, RoundingMode.HALF_UP).longValueExact());
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
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
        Long eventBridgeTime = fromUtcSeconds(text);
        if (eventBridgeTime != null) {
            return Result.of(eventBridgeTime);
        }
        try {
            // ISO_OFFSET_DATE_TIME makes seconds and fractions optional, so '2016-07-07T20:22Z' parses too.
            return Result.of(OffsetDateTime.parse(text).toInstant().toEpochMilli());
        } catch (DateTimeParseException e) {
            return Result.rejected("'" + text + "' is not an ISO-8601 date-time with a zone");
        }
    }

    /**
     * The form EventBridge and CodeStar always use, {@code 2026-03-02T10:15:30Z}, read without the general parser:
     * that took a tenth of the time to map a CodePipeline notification. Null for any other form and for impossible
     * values, which the general parser then decides, so the result never differs from its result.
     */
    private static Long fromUtcSeconds(String text) {
        if (text.length() != 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        if (day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return (epochDay * 86_400L + hour * 3_600L + minute * 60L + second) * 1_000L;
    }

    /** The number written with {@code count} ASCII digits from {@code start}, or -1 if any is not a digit. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
