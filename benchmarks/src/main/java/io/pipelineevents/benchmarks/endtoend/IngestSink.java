package io.pipelineevents.benchmarks.endtoend;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.zip.GZIPInputStream;

/**
 * A realm's ingest endpoint ({@code POST /v2/event}) that answers {@code "OK"} as fast as it can, or after a set
 * latency (answered from a timer, so waiting requests hold no thread), or 503 while it is told to fail. It records
 * for each tagged notification when its event first arrived and how often, so that latency, loss and duplicates can
 * be counted exactly. An event counts when its request was accepted; events of a request answered 503 do not.
 */
final class IngestSink implements AutoCloseable {
    static {
        // The JDK server writes response headers and body apart; without TCP_NODELAY, Nagle's algorithm holds the
        // body until the client's delayed ACK (40 ms) and every request looks slow.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] OK = "\"OK\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] UNAVAILABLE = "{\"message\":\"benchmark outage\"}".getBytes(StandardCharsets.UTF_8);

    private final String name;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(4);
    private final ScheduledExecutorService answers = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLongArray firstReceipt;
    private final AtomicIntegerArray receipts;
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong untracked = new AtomicLong();
    private final AtomicLong distinct = new AtomicLong();
    private final AtomicLong lastReceipt = new AtomicLong();
    private final long latencyMillis;
    private volatile boolean failing;

    /** @param capacity how many tagged notifications ({@code b0} to {@code b<capacity-1>}) it keeps track of */
    IngestSink(String name, int capacity, Duration latency) throws IOException {
        this.name = name;
        this.firstReceipt = new AtomicLongArray(capacity);
        this.receipts = new AtomicIntegerArray(capacity);
        this.latencyMillis = latency.toMillis();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        server.createContext("/v2/event", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    String name() {
        return name;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String token() {
        return name + "-benchmark-token";
    }

    /** From now on, answers every request 503 (true) or accepts again (false). */
    void failing(boolean failing) {
        this.failing = failing;
    }

    /** Nanotime ({@link System#nanoTime()}) when notification {@code n}'s event first arrived; 0 if never. */
    long firstReceipt(int n) {
        return firstReceipt.get(n);
    }

    /** Nanotime of the last accepted event. */
    long lastReceipt() {
        return lastReceipt.get();
    }

    /** Distinct notifications received so far. */
    long distinct() {
        return distinct.get();
    }

    /** Whether notifications {@code 0} to {@code count-1} all arrived. */
    boolean receivedAll(int count) {
        return distinct.get() >= count && firstMissing(count) < 0;
    }

    /** The first of {@code 0..count-1} that never arrived, or -1. */
    int firstMissing(int count) {
        for (int n = 0; n < count; n++) {
            if (receipts.get(n) == 0) {
                return n;
            }
        }
        return -1;
    }

    /** Events accepted in all, repeats included. */
    long events() {
        return events.get();
    }

    /** Receipts of a notification after its first. */
    long duplicates() {
        return events.get() - untracked.get() - distinct.get();
    }

    long requests() {
        return requests.get();
    }

    /** Requests answered 503 because the sink was failing. */
    long refused() {
        return refused.get();
    }

    /** Events whose execution id is no tag of ours: should stay zero. */
    long untracked() {
        return untracked.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        if (failing) {
            refused.incrementAndGet();
            answer(exchange, 503, UNAVAILABLE);
            return;
        }
        long now = System.nanoTime();
        JsonNode batch = JSON.readTree(body(exchange));
        for (JsonNode event : batch) {
            events.incrementAndGet();
            int n = TaggedNotifications.numberOf(event.path("properties").path("execution_id").asText(null));
            if (n < 0 || n >= receipts.length()) {
                untracked.incrementAndGet();
                continue;
            }
            if (receipts.getAndIncrement(n) == 0) {
                firstReceipt.set(n, now);
                distinct.incrementAndGet();
            }
        }
        lastReceipt.accumulateAndGet(now, Math::max);
        long latency = latencyMillis;
        if (latency == 0) {
            answer(exchange, 200, OK);
        } else {
            answers.schedule(() -> answer(exchange, 200, OK), latency, TimeUnit.MILLISECONDS);
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
            // The client went away (a service stopped mid-request): nothing to answer.
        }
    }

    @Override
    public void close() {
        server.stop(0);
        answers.shutdownNow();
        handlers.shutdownNow();
    }
}
