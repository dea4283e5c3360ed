package io.pipelineevents.routes.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts and logs each retry of a realm's request as it is made, so that an operator watching a realm that is
 * down sees it being retried (logs, {@code status}) rather than learning of it only when the batch ends. Runs as
 * the error handler's onRedelivery, just before the request goes out again.
 */
final class RetryNotice implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(RetryNotice.class);

    private final String realm;
    private final int maxAttempts;
    private final Counter retried;

    RetryNotice(String realm, RetryPolicy policy, MeterRegistry meters) {
        this.realm = realm;
        this.maxAttempts = policy.maxAttempts();
        this.retried = DeliveryMetrics.retried(meters, realm);
    }

    @Override
    public void process(Exchange exchange) {
        retried.increment();
        int redelivery = exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 1, Integer.class);
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        int events = exchange.getProperty(IngestAcceptance.EVENT_COUNT, 0, Integer.class);
        LOG.warn("Realm {}: {}; sending its batch of {} event(s) again, attempt {} of {}", realm,
                RealmDeliveryException.describe(failure), events, redelivery + 1, maxAttempts);
    }
}
