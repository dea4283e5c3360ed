package io.pipelineevents.routes.delivery;

import io.pipelineevents.mappings.event.SplunkEvent;
import java.util.List;
import org.apache.camel.Exchange;

/**
 * Where a realm's refused events go: the source decides (a dead-letter queue for SQS). Parking must be durable
 * before it returns; if it cannot be, it throws, and the source message is not acknowledged.
 */
@FunctionalInterface
public interface RefusedEventParking {
    /** @param refused the events the realm's policy refused, with the fixes they needed applied */
    void park(Exchange exchange, Realm realm, String reason, List<SplunkEvent> refused);
}
