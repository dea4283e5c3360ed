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
import org.apache.camel.Processor;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * Lets a realm's {@code Retry-After} answer (seconds or an HTTP-date) set the wait before the next attempt, up to
 * a cap. Runs as the error handler's onExceptionOccurred, the one place where the redelivery delay of this
 * attempt can still be changed.
 */
final class RetryAfter implements Processor {
    private final Duration cap;
    private final Clock clock;

    RetryAfter(Duration cap, Clock clock) {
        this.cap = cap;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        Object failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT);
        if (failure instanceof HttpOperationFailedException http) {
            delay(http.getResponseHeaders()).ifPresent(wait ->
                    exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, Math.min(wait.toMillis(), cap.toMillis())));
        }
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
