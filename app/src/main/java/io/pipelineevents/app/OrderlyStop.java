package io.pipelineevents.app;

import io.pipelineevents.routes.acknowledgement.SqsAcknowledgements;
import io.pipelineevents.routes.delivery.RealmFanOut;
import io.pipelineevents.routes.source.SqsSourceRoute;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops in the one order that loses nothing: no more reading; realms deliver what they hold until the deadline;
 * every message not finished by then is given back to its queue at once (visible again, for another instance);
 * only then does the Camel context stop its routes.
 */
final class OrderlyStop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(OrderlyStop.class);

    private final CamelContext context;
    private final RealmFanOut fanOut;
    private final SqsAcknowledgements acknowledgements;
    private final Duration deadline;

    OrderlyStop(CamelContext context, RealmFanOut fanOut, SqsAcknowledgements acknowledgements, Duration deadline) {
        this.context = context;
        this.fanOut = fanOut;
        this.acknowledgements = acknowledgements;
        this.deadline = deadline;
    }

    @Override
    public void run() {
        try {
            context.getRouteController().stopRoute(SqsSourceRoute.ROUTE_ID);
            LOG.info("Stopping: no more messages are read; realms deliver what they hold for up to {} s ({})",
                    deadline.toSeconds(), fanOut.backlog());
            if (fanOut.drain(deadline)) {
                LOG.info("Realms delivered everything they held");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Could not stop reading cleanly: {}", e.getMessage());
        } finally {
            int left = acknowledgements.pendingCount();
            if (left > 0) {
                LOG.warn("{} message(s) not finished by the shutdown deadline are given back to the queue", left);
                // Their requests still in flight are not waited for: their messages come back anyway.
                // Camel then warns that it forces them (logback.xml keeps those warnings quiet: the line above says
                // what happens to them).
                context.getShutdownStrategy().setTimeUnit(TimeUnit.MILLISECONDS);
                context.getShutdownStrategy().setTimeout(1000);
            }
            acknowledgements.abandonAll("the service stopped before every realm finished it");
            acknowledgements.close();
        }
    }
}
