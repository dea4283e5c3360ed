package io.pipelineevents.mappings.event;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules Splunk ingest applies to custom events, kept in one place.
 *
 * <p>Ingest answers 200 and silently drops an event that breaks any of them, so the loader uses the
 * static checks to reject mapping files up front, and the renderer uses the value checks to fix or
 * refuse each event before it is sent. Each check returns the reason in words, or empty when fine.
 */
public final class IngestRules {

    public static final int MAX_DIMENSIONS = 36;
    public static final int MAX_PROPERTIES = 1024;
    public static final int MAX_EVENT_TYPE_LENGTH = 256;
    public static final int MAX_VALUE_LENGTH = 256;
    public static final String DEFAULT_CATEGORY = "USER_DEFINED";
    public static final Set<String> CATEGORIES = Set.of(
            "USER_DEFINED", "ALERT", "AUDIT", "JOB", "COLLECTD", "SERVICE_DISCOVERY", "EXCEPTION", "AGENT");

    /** Appended to truncated values so a reader of the event sees that text is missing. */
    public static final String TRUNCATION_MARKER = "…";

    // Newer docs also allow '.', older ones do not: the safe pattern works with both.
    private static final Pattern SAFE_KEY = Pattern.compile("^[A-Za-z][A-Za-z0-9_-]{0,127}$");
    private static final List<String> RESERVED_PREFIXES = List.of("_", "sf_", "aws_", "gcp_", "azure_");
    private static final Pattern WHITESPACE = Pattern.compile("\\s");

    // Epoch milliseconds passed 1e11 in 1973; a smaller number is a time in seconds (or nonsense).
    private static final long SMALLEST_PLAUSIBLE_MILLIS = 100_000_000_000L;

    private IngestRules() {
    }

    public static Optional<String> keyProblem(String key) {
        // Checked before the pattern: '_x' breaks both, and the prefix is the clearer reason.
        for (String prefix : RESERVED_PREFIXES) {
            if (key.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return Optional.of("it starts with the reserved prefix '" + prefix + "'");
            }
        }
        if (!SAFE_KEY.matcher(key).matches()) {
            return Optional.of("keys must start with a letter, contain only letters, digits, '_' and '-',"
                    + " and be at most 128 characters");
        }
        return Optional.empty();
    }

    public static Optional<String> categoryProblem(String category) {
        if (CATEGORIES.contains(category)) {
            return Optional.empty();
        }
        return Optional.of("category '" + category + "' is not one of "
                + String.join(", ", CATEGORIES.stream().sorted().toList()));
    }

    public static Optional<String> eventTypeProblem(String eventType) {
        if (eventType.isEmpty()) {
            return Optional.of("eventType is empty");
        }
        if (eventType.length() > MAX_EVENT_TYPE_LENGTH) {
            return Optional.of("eventType is " + eventType.length() + " characters long, more than "
                    + MAX_EVENT_TYPE_LENGTH);
        }
        return whitespaceInEventType(eventType);
    }

    /** For the literal text around the expressions of an eventType template. */
    public static Optional<String> whitespaceInEventType(String text) {
        return WHITESPACE.matcher(text).find()
                ? Optional.of("eventType must not contain spaces or other whitespace")
                : Optional.empty();
    }

    public static Optional<String> dimensionCountProblem(int count) {
        return count > MAX_DIMENSIONS
                ? Optional.of("too many dimensions: " + count + ", ingest accepts at most " + MAX_DIMENSIONS)
                : Optional.empty();
    }

    public static Optional<String> propertyCountProblem(int count) {
        return count > MAX_PROPERTIES
                ? Optional.of("too many properties: " + count + ", ingest accepts at most " + MAX_PROPERTIES)
                : Optional.empty();
    }

    public static boolean valueTooLong(String value) {
        return value.length() > MAX_VALUE_LENGTH;
    }

    /** Cuts a value to exactly the maximum length, marker included, without splitting a surrogate pair. */
    public static String truncate(String value) {
        if (!valueTooLong(value)) {
            return value;
        }
        int end = MAX_VALUE_LENGTH - TRUNCATION_MARKER.length();
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + TRUNCATION_MARKER;
    }

    public static boolean looksLikeSeconds(long epoch) {
        return Math.abs(epoch) < SMALLEST_PLAUSIBLE_MILLIS;
    }
}
