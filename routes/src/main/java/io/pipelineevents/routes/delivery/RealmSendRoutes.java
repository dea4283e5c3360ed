package io.pipelineevents.routes.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;

/**
 * One route per realm that sends one batch: {@code direct:realm-<name>} POSTs the batch's events as one JSON array
 * (or prints them, for the console) and retries transient failures under the realm's {@link RetryPolicy}. What
 * happens to a batch that still failed (split, park) is decided by its caller, {@link BatchDelivery}.
 */
public final class RealmSendRoutes extends RouteBuilder {
    private final List<Realm> realms;
    private final IngestHttpSettings http;
    private final MeterRegistry meters;
    private final PrintStream console;
    private final Clock clock;

    public RealmSendRoutes(List<Realm> realms, IngestHttpSettings http, MeterRegistry meters, PrintStream console,
            Clock clock) {
        this.realms = List.copyOf(realms);
        this.http = http;
        this.meters = meters;
        this.console = console;
        this.clock = clock;
    }

    @Override
    public void configure() {
        http.applyTo(getContext());
        // Failures go back to the caller unhandled and unlogged; it parks or gives back, and logs once.
        errorHandler(defaultErrorHandler().logExhausted(false).logRetryAttempted(false).logStackTrace(false));
        for (Realm realm : realms) {
            RetryPolicy retry = realm.retry();
            RouteDefinition route = from(realm.deliveryEndpoint()).routeId("realm-" + realm.name());
            // Only transient failures are retried; the rest fail the batch at once.
            route.onException(Exception.class).onWhen(IngestFailures::isTransient)
                        // RetryDelay sets each wait, RetryBudget decides whether there is another attempt.
                        .onExceptionOccurred(new RetryDelay(retry, new RetryAfter(retry.retryAfterCap(), clock)))
                        .retryWhile(new RetryBudget(retry, clock))
                        .onRedelivery(new RetryNotice(realm.name(), retry, meters))
                        .logRetryAttempted(false).logExhausted(false);
            if (realm.isConsole()) {
                route.process(new ConsoleRealm(console, meters));
            } else {
                route.process(new IngestRequest(realm.token().orElseThrow(), realm.batch().gzipAboveBytes()))
                        .to(realm.eventApiUri())
                        .process(new IngestAcceptance(realm.name(), meters));
            }
        }
    }
}
