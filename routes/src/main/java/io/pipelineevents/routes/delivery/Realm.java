package io.pipelineevents.routes.delivery;

import io.pipelineevents.mappings.event.IngestPolicy;
import java.net.URI;
import java.util.Optional;

/**
 * A destination organisation. {@code console} is a realm of its own kind that prints events on stdout.
 *
 * @param name      the name used in configuration, logs and metrics
 * @param ingestUrl base URL of the ingest API (events go to {@code <ingestUrl>/v2/event}); empty for the console
 * @param token     the org access token with Ingest scope; empty for the console
 * @param policy    whether events that needed fixes are sent fixed or refused and parked
 * @param retry     how transient failures of its requests are retried
 * @param batch     how its events are queued and batched
 */
public record Realm(String name, Optional<URI> ingestUrl, Optional<IngestToken> token, IngestPolicy policy,
        RetryPolicy retry, BatchPolicy batch) {

    public static final String CONSOLE = "console";

    public static Realm console(IngestPolicy policy, BatchPolicy batch) {
        return new Realm(CONSOLE, Optional.empty(), Optional.empty(), policy, RetryPolicy.DEFAULT, batch);
    }

    public static Realm splunk(String name, URI ingestUrl, IngestToken token, IngestPolicy policy, RetryPolicy retry,
            BatchPolicy batch) {
        return new Realm(name, Optional.of(ingestUrl), Optional.of(token), policy, retry, batch);
    }

    /** The default ingest URL of a Splunk Observability realm such as {@code us1}. */
    public static URI defaultIngestUrl(String splunkRealm) {
        return URI.create("https://ingest." + splunkRealm + ".signalfx.com");
    }

    public boolean isConsole() {
        return ingestUrl.isEmpty();
    }

    /** The Camel endpoint that sends one batch to this realm. */
    public String deliveryEndpoint() {
        return "direct:realm-" + name;
    }

    String eventApiUri() {
        String base = ingestUrl.orElseThrow().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v2/event";
    }

    /** Its name, URL and every delivery setting in effect, for the start-up log. */
    public String describe() {
        String delivery = "batches of up to " + batch.maxEvents() + " events / " + batch.maxBytes() + " bytes / "
                + batch.linger().toMillis() + " ms, gzip above " + batch.gzipAboveBytes() + " bytes, queue of "
                + batch.queueCapacity() + " notifications, " + batch.workers() + " worker(s)";
        if (isConsole()) {
            return this + ": " + delivery;
        }
        return this + ": " + delivery + ", policy " + policy.settingName() + "; retries: up to " + retry.maxAttempts()
                + " attempts within " + retry.maxElapsed().toSeconds() + " s, backoff "
                + retry.initialBackoff().toMillis() + "-" + retry.maxBackoff().toMillis() + " ms, Retry-After up to "
                + retry.retryAfterCap().toSeconds() + " s";
    }

    @Override
    public String toString() {
        return isConsole() ? name + " (stdout)" : name + " (" + ingestUrl.get() + ")";
    }
}
