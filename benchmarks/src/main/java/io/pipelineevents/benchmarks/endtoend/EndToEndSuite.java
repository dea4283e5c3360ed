package io.pipelineevents.benchmarks.endtoend;

import io.pipelineevents.benchmarks.mapping.CorpusMix;
import io.pipelineevents.benchmarks.mapping.GeneratedMappings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The end-to-end benchmarks of issue 5: the real service (the shipped jar, in a process of its own) reading a real
 * SQS server and delivering to two local realms, measured in the same run as its ceiling (the same queue drained by
 * a consumer that does nothing) and its baseline (one sequential POST per event). See BENCHMARKS.md for what each
 * scenario shows and the latest figures.
 *
 * <p>Usage: {@code EndToEndSuite --jar PATH --out DIR [--quick] [--profile] [--only a,b] [--jvm "OPTIONS"]}.
 */
public final class EndToEndSuite {
    /** The realms' batch window (the default {@code batch.linger-ms}): the latency target is three of them. */
    static final double BATCH_WINDOW_MS = 200;

    private final Options options;
    private final LocalQueue queue;
    private final TaggedNotifications notifications;
    private final Measurements results = new Measurements();

    record Options(Path jar, Path out, boolean quick, List<String> only, List<String> jvm, boolean profile) {
        int backlog() {
            return quick ? 3_000 : 100_000;
        }

        boolean runs(String scenario) {
            return only.isEmpty() || only.stream().anyMatch(scenario::startsWith);
        }

        static Options parse(String[] args) {
            Path jar = null;
            Path out = Path.of("benchmarks/results");
            boolean quick = false;
            boolean profile = false;
            List<String> only = List.of();
            List<String> jvm = List.of();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--jar" -> jar = Path.of(args[++i]);
                    case "--out" -> out = Path.of(args[++i]);
                    case "--quick" -> quick = true;
                    case "--profile" -> profile = true;
                    case "--only" -> only = List.of(args[++i].split(","));
                    case "--jvm" -> jvm = Arrays.stream(args[++i].trim().split("\\s+")).filter(s -> !s.isEmpty())
                            .toList();
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]
                            + "; usage: --jar PATH --out DIR [--quick] [--profile] [--only a,b] [--jvm \"OPTIONS\"]");
                }
            }
            if (jar == null || !Files.isRegularFile(jar)) {
                throw new IllegalArgumentException("--jar must name the service jar (app/target/pipeline-events.jar)");
            }
            return new Options(jar.toAbsolutePath(), out.toAbsolutePath(), quick, only, jvm, profile);
        }
    }

    private EndToEndSuite(Options options, LocalQueue queue) throws Exception {
        this.options = options;
        this.queue = queue;
        this.notifications = new TaggedNotifications(CorpusMix.FILES);
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Files.createDirectories(options.out());
        try (LocalQueue queue = new LocalQueue()) {
            EndToEndSuite suite = new EndToEndSuite(options, queue);
            suite.run();
            suite.report();
        }
        // ElasticMQ's actor system keeps non-daemon threads.
        System.exit(0);
    }

    private void run() throws Exception {
        results.machine("date", Instant.now().toString());
        results.machine("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        results.machine("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        results.machine("service JVM options", options.jvm().isEmpty() ? "none (as `java -jar`)"
                : String.join(" ", options.jvm()));
        results.machine("notification mix", notifications.files().size() + " CodePipeline corpus samples in turn"
                + " (left out, no execution id to trace: " + String.join(", ", notifications.leftOut()) + ")");
        results.machine("load average before", loadAverage());
        long started = System.nanoTime();

        int backlog = options.backlog();
        for (int consumers : new int[] {1, 4}) {
            String suffix = " (" + consumers + " consumer" + (consumers > 1 ? "s" : "") + ")";
            if (options.runs("ceiling")) {
                ceiling("ceiling: raw drain" + suffix, backlog, consumers);
            }
            if (options.runs("backlog")) {
                backlogDrain("backlog " + backlog + suffix, backlog, consumers, Map.of(), Duration.ZERO);
            }
        }
        if (options.runs("baseline")) {
            baseline("baseline: one POST per event", Duration.ZERO, options.quick() ? 5 : 20);
        }
        if (options.runs("growth")) {
            for (int n : options.quick() ? new int[] {500} : new int[] {1_000, 10_000}) {
                backlogDrain("backlog " + n + " (1 consumer)", n, 1, Map.of(), Duration.ZERO);
            }
        }
        if (options.runs("rules")) {
            int n = options.quick() ? 1_000 : 10_000;
            for (int rules : new int[] {10, 1_000}) {
                Path file = options.out().resolve("work/mappings-" + rules + "-rules.yaml");
                Files.createDirectories(file.getParent());
                Files.writeString(file, new GeneratedMappings(rules).yaml(), StandardCharsets.UTF_8);
                backlogDrain("rules: backlog " + n + ", " + rules + " rules", n, 1,
                        Map.of("mappings.path", file.toString()), Duration.ZERO);
            }
        }
        if (options.runs("wan")) {
            Duration rtt = Duration.ofMillis(20);
            backlogDrain("wan: backlog " + (options.quick() ? 1_000 : 10_000) + ", ingest answers in 20 ms",
                    options.quick() ? 1_000 : 10_000, 1, Map.of(), rtt);
            baseline("wan: baseline, ingest answers in 20 ms", rtt, options.quick() ? 5 : 20);
        }
        if (options.runs("steady")) {
            steady("steady 200/s", 200, options.quick() ? 5 : 10, options.quick() ? 10 : 40);
            steady("steady 1000/s", 1_000, options.quick() ? 5 : 10, options.quick() ? 10 : 30);
        }
        if (options.runs("outage")) {
            outage("outage: realm beta down 60 s", 200, options.quick() ? 15 : 60);
        }
        ratios();
        results.machine("load average after", loadAverage());
        results.machine("suite time", Math.round((System.nanoTime() - started) / 1e9) + " s");
    }

    private void ratios() {
        for (int consumers : new int[] {1, 4}) {
            String suffix = " (" + consumers + " consumer" + (consumers > 1 ? "s" : "") + ")";
            double app = results.get("backlog " + options.backlog() + suffix, "drained");
            double ceiling = results.get("ceiling: raw drain" + suffix, "drained");
            results.ratio("end to end / raw drain" + suffix, app / ceiling, 0.7, true,
                    "backlog " + options.backlog() + " drain rate over the raw drain of the same queue");
        }
        double app = results.get("backlog " + options.backlog() + " (1 consumer)", "drained");
        results.ratio("end to end / per-event baseline (fast sink)",
                app / results.get("baseline: one POST per event", "drained"), 20, true,
                "notifications/s, both against sinks that answer at once");
        results.ratio("end to end / per-event baseline (ingest 20 ms away)",
                results.get("wan: backlog " + (options.quick() ? 1_000 : 10_000) + ", ingest answers in 20 ms",
                        "drained") / results.get("wan: baseline, ingest answers in 20 ms", "drained"), 20, true,
                "notifications/s, both against sinks that answer after 20 ms");
        int n = options.quick() ? 1_000 : 10_000;
        String rules = "rules: backlog " + n + ", ";
        results.ratio("cost(1,000 rules) / cost(10 rules), end to end",
                results.get(rules + "1000 rules", "CPU per 1,000 notifications")
                        / results.get(rules + "10 rules", "CPU per 1,000 notifications"),
                2, false, "service CPU time per notification, backlog " + n);
        results.ratio("p99 enqueue-to-ingest / batch window at 200/s",
                results.get("steady 200/s", "latency p99") / BATCH_WINDOW_MS, 3, false,
                "batch window = batch.linger-ms, 200 ms");
        results.ratio("peak RSS at 1000/s, MiB", results.get("steady 1000/s", "peak RSS"), 256, false,
                "VmHWM of the service process, start-up included");
    }

    /** The ceiling: the same backlog drained by consumers that only receive and delete. */
    private void ceiling(String name, int count, int consumers) throws Exception {
        results.describe(name, "the backlog drained by " + consumers + " thread(s) that receive 10 messages per"
                + " call and delete them 10 per call, doing nothing else: the most any consumer of this queue"
                + " server can do");
        String url = queue.createQueue("ceiling", 30);
        queue.preload(url, notifications.bodies(0, count));
        results.add(name, "drained", RawDrain.messagesPerSecond(queue, url, count, consumers), "notifications/s");
        queue.deleteQueue(url);
    }

    /** A backlog of {@code count} already on the queue when the service starts; drained to the last delete. */
    private void backlogDrain(String name, int count, int consumers, Map<String, String> extra, Duration sinkLatency)
            throws Exception {
        results.describe(name, count + " notifications on the queue before the service starts, "
                + consumers + " consumer(s), two realms" + (extra.isEmpty() ? "" : ", " + extra.keySet())
                + "; rate from the first event at a realm to the last message deleted; start-up excluded");
        String url = queue.createQueue("backlog", 30);
        long preloadStart = System.nanoTime();
        queue.preload(url, notifications.bodies(0, count));
        System.err.printf("  %s: preloaded %d in %.1f s%n", name, count, (System.nanoTime() - preloadStart) / 1e9);
        try (IngestSink alpha = new IngestSink("alpha", count, sinkLatency);
                IngestSink beta = new IngestSink("beta", count, sinkLatency)) {
            Map<String, String> settings = ServiceUnderTest.settings(queue, url, List.of(alpha, beta), work(name));
            settings.put("sqs.consumers", Integer.toString(consumers));
            settings.putAll(extra);
            long launched = System.nanoTime();
            try (ServiceUnderTest service = ServiceUnderTest.start(options.jar(), options.jvm(), settings,
                    work(name), "service", options.profile())) {
                results.add(name, "start-up", (System.nanoTime() - launched) / 1e9, "s");
                double cpuAtStart = service.cpuSeconds();
                boolean done = await(Duration.ofSeconds(120 + count / 200),
                        () -> alpha.receivedAll(count) && beta.receivedAll(count) && queue.depth(url) == 0);
                long end = System.nanoTime();
                long first = Math.min(firstReceipt(alpha, count), firstReceipt(beta, count));
                results.add(name, "drained", count / ((end - first) / 1e9), "notifications/s");
                results.add(name, "events delivered", (alpha.distinct() + beta.distinct()) / ((end - first) / 1e9),
                        "events/s");
                results.add(name, "CPU per 1,000 notifications", (service.cpuSeconds() - cpuAtStart) * 1000 / count,
                        "CPU s");
                results.add(name, "peak RSS", service.peakRssMiB(), "MiB");
                results.add(name, "ingest requests per 1,000 events",
                        (alpha.requests() + beta.requests()) * 1000.0 / (2.0 * count), "requests");
                results.add(name, "duplicates", alpha.duplicates() + beta.duplicates(), "events");
                results.add(name, "lost", lost(alpha, count) + lost(beta, count), "events");
                if (!done) {
                    System.err.println("  " + name + ": NOT drained in time; see " + service.log());
                }
            }
        }
        queue.deleteQueue(url);
    }

    /** The per-event baseline on a backlog large enough for its duration. */
    private void baseline(String name, Duration sinkLatency, int seconds) throws Exception {
        results.describe(name, "one thread receives 10 messages at a time, maps each with the same preset and POSTs"
                + " each event alone to each realm in turn, waiting for each answer, then deletes the message;"
                + " run for " + seconds + " s");
        int available = sinkLatency.isZero() ? 3_000 * seconds : 40 * seconds;
        String url = queue.createQueue("baseline", 30);
        queue.preload(url, notifications.bodies(0, available));
        try (IngestSink alpha = new IngestSink("alpha", available, sinkLatency);
                IngestSink beta = new IngestSink("beta", available, sinkLatency)) {
            double rate = PerEventBaseline.notificationsPerSecond(queue, url, List.of(alpha, beta), available,
                    Duration.ofSeconds(seconds));
            results.add(name, "drained", rate, "notifications/s");
            results.add(name, "ingest requests per 1,000 events", 1000, "requests");
        }
        queue.deleteQueue(url);
    }

    /** Notifications published at a steady rate while the service runs: latency from enqueue to ingest. */
    private void steady(String name, int perSecond, int warmupSeconds, int measuredSeconds) throws Exception {
        results.describe(name, perSecond + " notifications/s for " + (warmupSeconds + measuredSeconds) + " s, the"
                + " first " + warmupSeconds + " s as warm-up; latency from just before the send call to the event's"
                + " arrival at each realm");
        int count = perSecond * (warmupSeconds + measuredSeconds);
        int warmup = perSecond * warmupSeconds;
        String url = queue.createQueue("steady", 30);
        try (IngestSink alpha = new IngestSink("alpha", count, Duration.ZERO);
                IngestSink beta = new IngestSink("beta", count, Duration.ZERO)) {
            Map<String, String> settings = ServiceUnderTest.settings(queue, url, List.of(alpha, beta), work(name));
            try (ServiceUnderTest service = ServiceUnderTest.start(options.jar(), options.jvm(), settings,
                    work(name), "service", options.profile());
                    SteadyFeed feed = new SteadyFeed(queue, url, notifications, perSecond, count)) {
                double cpuAtStart = service.cpuSeconds();
                feed.start();
                results.add(name, "published", feed.awaitSent(), "notifications/s");
                await(Duration.ofSeconds(60), () -> alpha.receivedAll(count) && beta.receivedAll(count));
                Latencies latencies = latencies(feed, List.of(alpha, beta), warmup, count);
                results.add(name, "latency p50", latencies.percentile(50), "ms");
                results.add(name, "latency p99", latencies.percentile(99), "ms");
                results.add(name, "latency max", latencies.max(), "ms");
                results.add(name, "CPU per 1,000 notifications", (service.cpuSeconds() - cpuAtStart) * 1000 / count,
                        "CPU s");
                results.add(name, "CPU use", (service.cpuSeconds() - cpuAtStart)
                        / ((System.nanoTime() - feed.startedAt()) / 1e9) * 100, "% of one core");
                results.add(name, "peak RSS", service.peakRssMiB(), "MiB");
                results.add(name, "ingest requests per 1,000 events",
                        (alpha.requests() + beta.requests()) * 1000.0 / (2.0 * count), "requests");
                results.add(name, "lost", lost(alpha, count) + lost(beta, count), "events");
            }
        }
        queue.deleteQueue(url);
    }

    /**
     * A steady feed while realm beta answers 503 for {@code outageSeconds}, starting 10 s in; with the default
     * retry policy, queue capacity and the queue's 30 s visibility timeout.
     */
    private void outage(String name, int perSecond, int outageSeconds) throws Exception {
        int before = 10;
        int after = 20;
        int count = perSecond * (before + outageSeconds + after);
        results.describe(name, perSecond + " notifications/s for " + (before + outageSeconds + after) + " s; realm"
                + " beta answers every request 503 from " + before + " s to " + (before + outageSeconds) + " s, then"
                + " recovers; default retry policy and queue capacity");
        String url = queue.createQueue("outage", 30);
        try (IngestSink alpha = new IngestSink("alpha", count, Duration.ZERO);
                IngestSink beta = new IngestSink("beta", count, Duration.ZERO)) {
            Map<String, String> settings = ServiceUnderTest.settings(queue, url, List.of(alpha, beta), work(name));
            try (ServiceUnderTest service = ServiceUnderTest.start(options.jar(), options.jvm(), settings,
                    work(name), "service", options.profile());
                    SteadyFeed feed = new SteadyFeed(queue, url, notifications, perSecond, count)) {
                feed.start();
                long start = feed.startedAt() == 0 ? System.nanoTime() : feed.startedAt();
                waitUntil(start + Duration.ofSeconds(before).toNanos());
                beta.failing(true);
                int firstDuringOutage = feed.sent();
                waitUntil(start + Duration.ofSeconds(before + outageSeconds).toNanos());
                beta.failing(false);
                long recovered = System.nanoTime();
                int lastDuringOutage = feed.sent();
                feed.awaitSent();
                boolean alphaDone = await(Duration.ofSeconds(120), () -> alpha.receivedAll(count));
                Latencies duringOutage = latencies(feed, List.of(alpha), firstDuringOutage, lastDuringOutage);
                results.add(name, "alpha latency p99 during the outage", duringOutage.percentile(99), "ms");
                boolean betaDone = await(Duration.ofSeconds(300), () -> beta.receivedAll(lastDuringOutage));
                results.add(name, "beta caught up with the outage's notifications",
                        (System.nanoTime() - recovered) / 1e9, "s after recovery");
                await(Duration.ofSeconds(300), () -> beta.receivedAll(count) && queue.depth(url) == 0);
                results.add(name, "beta requests refused (503)", beta.refused(), "requests");
                results.add(name, "parked", parkedFiles(work(name).resolve("parked")), "batches");
                results.add(name, "duplicates alpha", alpha.duplicates(), "events");
                results.add(name, "duplicates beta", beta.duplicates(), "events");
                results.add(name, "lost", lost(alpha, count) + lost(beta, count), "events");
                if (!alphaDone || !betaDone) {
                    System.err.println("  " + name + ": a realm did not catch up in time; see " + service.log());
                }
            }
        }
        queue.deleteQueue(url);
    }

    private static Latencies latencies(SteadyFeed feed, List<IngestSink> realms, int from, int to) {
        double[] millis = new double[(to - from) * realms.size()];
        int k = 0;
        for (IngestSink realm : realms) {
            for (int n = from; n < to; n++) {
                long received = realm.firstReceipt(n);
                if (received != 0) {
                    millis[k++] = (received - feed.enqueuedAt(n)) / 1e6;
                }
            }
        }
        return Latencies.of(millis, k);
    }

    private static long firstReceipt(IngestSink realm, int count) {
        long first = Long.MAX_VALUE;
        for (int n = 0; n < count; n++) {
            long at = realm.firstReceipt(n);
            if (at != 0 && at < first) {
                first = at;
            }
        }
        return first;
    }

    private static long lost(IngestSink realm, int count) {
        return count - realm.distinct();
    }

    private static long parkedFiles(Path parking) throws IOException {
        if (!Files.isDirectory(parking)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(parking)) {
            return files.filter(file -> file.toString().endsWith(".json")).count();
        }
    }

    private Path work(String scenario) {
        return options.out().resolve("work").resolve(scenario.replaceAll("[^A-Za-z0-9]+", "-"));
    }

    /** Polls every 50 ms; true if the condition held before the limit. */
    private static boolean await(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            LockSupport.parkNanos(50_000_000);
        }
        return condition.getAsBoolean();
    }

    private static void waitUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void report() throws IOException {
        results.writeJson(options.out().resolve("end-to-end.json"));
        try (PrintStream file = new PrintStream(options.out().resolve("end-to-end.md").toFile(),
                StandardCharsets.UTF_8)) {
            results.printMarkdown(file);
        }
        results.printMarkdown(System.out);
    }
}
