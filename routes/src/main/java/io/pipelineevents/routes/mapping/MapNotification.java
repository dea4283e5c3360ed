package io.pipelineevents.routes.mapping;

import io.pipelineevents.mappings.MappingOutcome;
import io.pipelineevents.mappings.MappingSet;
import io.pipelineevents.routes.envelope.Notification;
import io.pipelineevents.routes.envelope.UnprocessableMessageException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the mappings to a notification: the body becomes the {@link MappingOutcome}, from which each realm takes
 * the events its ingest policy admits. What had to be fixed to satisfy ingest is logged; an event that could not
 * be made valid under any policy makes the message unprocessable, because ingest would drop it silently.
 */
public final class MapNotification implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(MapNotification.class);

    private final MappingSet mappings;

    public MapNotification(MappingSet mappings) {
        this.mappings = mappings;
    }

    @Override
    public void process(Exchange exchange) {
        Notification notification = exchange.getIn().getBody(Notification.class);
        MappingOutcome outcome = mappings.apply(notification.payload());
        for (String fix : outcome.fixes()) {
            LOG.warn("Fixed an event for ingest ({}): {}", NotificationSummary.of(notification), fix);
        }
        if (!outcome.refusals().isEmpty()) {
            throw new UnprocessableMessageException("mapped events that ingest would drop: "
                    + String.join("; ", outcome.refusals()));
        }
        exchange.getIn().setBody(outcome);
    }
}
