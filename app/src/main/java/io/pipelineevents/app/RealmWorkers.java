package io.pipelineevents.app;

import io.pipelineevents.routes.delivery.RealmFanOut;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Starts the realms' workers with the Camel context, before its routes, so that no message is read before the
 * realms can take it. They are stopped by {@link OrderlyStop}, not here: by the time the context stops its
 * services, the routes that send batches are gone.
 */
final class RealmWorkers extends ServiceSupport {
    private final RealmFanOut fanOut;
    private final CamelContext context;

    RealmWorkers(RealmFanOut fanOut, CamelContext context) {
        this.fanOut = fanOut;
        this.context = context;
    }

    @Override
    protected void doStart() {
        fanOut.start(context);
    }
}
