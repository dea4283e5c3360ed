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

    /**
     * A key ingest accepts made from one it would refuse: characters outside {@code [A-Za-z0-9_-]}
     * become {@code _}, a reserved prefix or a non-letter start gets {@code x} in front, and the
     * result is cut to 128 characters. The Splunk EventBridge forwarder sanitises the same way.
     */
    public static String sanitizeKey(String key) {
        String sanitized = key.replaceAll("[^A-Za-z0-9_-]", "_");
        if (sanitized.isEmpty() || !Character.isLetter(sanitized.charAt(0)) || keyProblem(sanitized).isPresent()) {
            sanitized = "x" + sanitized;
        }
        return sanitized.length() > 128 ? sanitized.substring(0, 128) : sanitized;
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

    /**
     * Everything about a finished event that ingest would drop it for, in words; empty when ingest
     * accepts it. The renderer never produces such events; this is for tests and for events made elsewhere.
     */
    public static List<String> check(SplunkEvent event) {
        List<String> problems = new java.util.ArrayList<>();
        eventTypeProblem(event.eventType()).ifPresent(problems::add);
        categoryProblem(event.category()).ifPresent(problems::add);
        dimensionCountProblem(event.dimensions().size()).ifPresent(problems::add);
        propertyCountProblem(event.properties().size()).ifPresent(problems::add);
        event.dimensions().forEach((key, value) -> {
            keyProblem(key).ifPresent(problem -> problems.add("dimension key '" + key + "': " + problem));
            if (value.isEmpty()) {
                problems.add("dimension '" + key + "' is empty");
            } else if (valueTooLong(value)) {
                problems.add("dimension '" + key + "' is " + value.length() + " characters long");
            }
        });
        event.properties().forEach((key, value) -> {
            keyProblem(key).ifPresent(problem -> problems.add("property key '" + key + "': " + problem));
            if (value instanceof String text && valueTooLong(text)) {
                problems.add("property '" + key + "' is " + text.length() + " characters long");
            }
        });
        if (event.timestamp() != null && looksLikeSeconds(event.timestamp())) {
            problems.add("timestamp " + event.timestamp() + " looks like seconds, not milliseconds");
        }
        return problems;
    }

    public static boolean looksLikeSeconds(long epoch) {
        return Math.abs(epoch) < SMALLEST_PLAUSIBLE_MILLIS;
    }
}
