package io.pipelineevents.benchmarks.endtoend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The shipped jar running {@code run} in a process of its own, configured by environment variables as a container
 * would be, against the benchmark's queue and sinks. Its peak resident memory and CPU time are read from
 * {@code /proc}, so they are the service's alone, not the harness's.
 */
final class ServiceUnderTest implements AutoCloseable {
    /** What Camel logs once every route runs. */
    private static final String STARTED = ") started in ";
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final Process process;
    private final Path log;
    private final boolean recording;

    private ServiceUnderTest(Process process, Path log, boolean recording) {
        this.process = process;
        this.log = log;
        this.recording = recording;
    }

    /** The settings every scenario shares: the queue, a realm per sink, parking and status in {@code workDir}. */
    static Map<String, String> settings(LocalQueue queue, String queueUrl, List<IngestSink> realms, Path workDir) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("sqs.queue", queueUrl);
        settings.put("sqs.endpoint", queue.endpoint());
        settings.put("sqs.region", LocalQueue.REGION);
        settings.put("sqs.access-key", LocalQueue.KEY);
        settings.put("sqs.secret-key", LocalQueue.KEY);
        settings.put("realms", String.join(",", realms.stream().map(IngestSink::name).toList()));
        for (IngestSink realm : realms) {
            settings.put("realm." + realm.name() + ".url", realm.url());
            settings.put("realm." + realm.name() + ".token", realm.token());
        }
        settings.put("parking.directory", workDir.resolve("parked").toString());
        settings.put("status.file", workDir.resolve("status.json").toString());
        return settings;
    }

    /**
     * Starts {@code jar} with these settings (keys without the {@code pipeline-events.} prefix) and waits until its
     * routes run. {@code jvmOptions} go before {@code -jar}. With {@code profile}, a Java Flight Recording of the
     * whole run is written to {@code <workDir>/<name>.jfr} when it is closed.
     */
    static ServiceUnderTest start(Path jar, List<String> jvmOptions, Map<String, String> settings, Path workDir,
            String name, boolean profile) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        if (profile) {
            command.add("-XX:StartFlightRecording=settings=profile,name=benchmark");
        }
        command.addAll(List.of("-jar", jar.toString(), "run"));
        Path log = workDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(workDir.resolve(name + ".stdout").toFile()).redirectError(log.toFile());
        builder.environment().keySet().removeIf(variable -> variable.startsWith("PIPELINE_EVENTS_"));
        settings.forEach((key, value) -> builder.environment().put(variable(key), value));
        ServiceUnderTest service = new ServiceUnderTest(builder.start(), log, profile);
        service.awaitStarted(Duration.ofSeconds(60));
        return service;
    }

    private static String variable(String key) {
        return "PIPELINE_EVENTS_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private void awaitStarted(Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + "; see " + log);
            }
            if (Files.readString(log, StandardCharsets.UTF_8).contains(STARTED)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the service did not start within " + limit + "; see " + log);
    }

    /** Peak resident set size so far, in MiB (VmHWM). */
    double peakRssMiB() throws IOException {
        return statusField("VmHWM:") / 1024.0;
    }

    /** CPU time used so far, user and system, in seconds. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        // Fields after the command name, which is in parentheses and may hold spaces: utime is the 14th field.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS_PER_SECOND;
    }

    private long statusField(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
            }
        }
        throw new IOException("no " + field + " in /proc/" + process.pid() + "/status");
    }

    Path log() {
        return log;
    }

    /**
     * Ends the process with SIGKILL: the measurements are taken by then, and a graceful stop would only wait for
     * the current long poll (up to 20 s) each time.
     */
    @Override
    public void close() throws InterruptedException, IOException {
        if (recording) {
            Path recordingFile = log.resolveSibling(log.getFileName().toString().replace(".log", ".jfr"));
            new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), "JFR.dump", "name=benchmark", "filename=" + recordingFile)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                    .waitFor(60, TimeUnit.SECONDS);
        }
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
