package io.pipelineevents.tests.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * A Splunk realm's ingest endpoint that counts every event it receives, by the execution id the mapping copies into
 * {@code properties.execution_id}, so that a test can tell exactly which notifications reached it and how often.
 *
 * <p>An event counts as received when its request arrives, before the realm answers: a service killed while it
 * waits for the answer has still handed the events over, as it would have to Splunk. The answer ({@code "OK"}, 200)
 * can be held back for a while to keep requests in flight; it is sent from a timer, so a slow realm ties up no
 * server thread and many requests can wait at once.
 */
final class RecordingRealm implements AutoCloseable {
    static final String EVENT_PATH = "/v2/event";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] ACCEPTED = "\"OK\"".getBytes(StandardCharsets.UTF_8);

    private final String name;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(4);
    private final ScheduledExecutorService answers = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger unreadable = new AtomicInteger();
    private volatile Duration answerDelay = Duration.ZERO;

    RecordingRealm(String name) throws IOException {
        this.name = name;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(EVENT_PATH, this::record);
        server.setExecutor(handlers);
        server.start();
    }

    String name() {
        return name;
    }

    String token() {
        return name + "-token";
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Holds every answer back this long from now on (zero: answers at once). */
    RecordingRealm answeringAfter(Duration delay) {
        this.answerDelay = delay;
        return this;
    }

    /** Distinct notifications (execution ids) received at least once. */
    int distinct() {
        return received.size();
    }

    /** Events received in all, repeats included. */
    int events() {
        return received.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Events received more than once: every receipt of a notification after its first. */
    int duplicates() {
        return events() - distinct();
    }

    /** Requests whose body was not a gzip or plain JSON array of events: should stay zero. */
    int unreadable() {
        return unreadable.get();
    }

    int requests() {
        return requests.get();
    }

    /** How often the realm received the notification with this execution id. */
    int timesReceived(String executionId) {
        AtomicInteger count = received.get(executionId);
        return count == null ? 0 : count.get();
    }

    boolean receivedAll(Collection<String> executionIds) {
        return executionIds.stream().allMatch(received::containsKey);
    }

    private void record(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try {
            JsonNode events = JSON.readTree(body(exchange));
            if (!events.isArray()) {
                throw new IOException("not a JSON array");
            }
            for (JsonNode event : events) {
                String executionId = event.path("properties").path("execution_id").asText("(none)");
                received.computeIfAbsent(executionId, id -> new AtomicInteger()).incrementAndGet();
            }
        } catch (IOException e) {
            unreadable.incrementAndGet();
            answer(exchange, 400, e.getMessage().getBytes(StandardCharsets.UTF_8));
            return;
        }
        Duration delay = answerDelay;
        if (delay.isZero()) {
            answer(exchange, 200, ACCEPTED);
        } else {
            answers.schedule(() -> answer(exchange, 200, ACCEPTED), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        if (!"gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            return raw;
        }
        try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return unzipped.readAllBytes();
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException e) {
            // The service went away while the realm held its answer back (a killed process): nothing to answer.
        }
    }

    @Override
    public void close() {
        server.stop(0);
        answers.shutdownNow();
        handlers.shutdownNow();
    }
}
