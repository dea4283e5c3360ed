package io.pipelineevents.routes.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;

/** Reads a realm's {@code Retry-After} answer (seconds or an HTTP-date) as the wait it asks for, up to a cap. */
final class RetryAfter {
    private final Duration cap;
    private final Clock clock;

    RetryAfter(Duration cap, Clock clock) {
        this.cap = cap;
        this.clock = clock;
    }

    /** The wait the realm asked for in its answer to this exchange's request, capped; empty if it asked none. */
    Optional<Duration> requested(Exchange exchange) {
        Object failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT);
        if (failure instanceof HttpOperationFailedException http) {
            return delay(http.getResponseHeaders()).map(wait -> wait.compareTo(cap) > 0 ? cap : wait);
        }
        return Optional.empty();
    }

    Optional<Duration> delay(Map<String, String> headers) {
        if (headers == null) {
            return Optional.empty();
        }
        // Headers are keyed as the server spelled them.
        return headers.entrySet().stream()
                .filter(header -> "Retry-After".equalsIgnoreCase(header.getKey()) && header.getValue() != null)
                .findFirst()
                .flatMap(header -> parse(header.getValue().trim()));
    }

    private Optional<Duration> parse(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
