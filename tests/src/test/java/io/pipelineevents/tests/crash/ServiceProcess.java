package io.pipelineevents.tests.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The shipped jar running {@code run --config FILE} in a process of its own, as in production: it can be killed
 * (SIGKILL) or asked to stop (SIGTERM) for real. Its stdout and stderr (the log) go to files next to its config, so
 * that a failed test can be diagnosed from {@code target/}.
 */
final class ServiceProcess implements AutoCloseable {
    /** What the JVM reports for a child ended by a signal: 128 + the signal's number. */
    static final int KILLED_BY_SIGKILL = 128 + 9;
    static final int ENDED_BY_SIGTERM = 128 + 15;

    private final Process process;
    private final Path log;

    private ServiceProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the jar with {@code config}; {@code name} names its output files in the config's directory.
     * PIPELINE_EVENTS_* variables of the build's environment are removed so that only the file configures it.
     */
    static ServiceProcess start(Path config, String name) throws IOException {
        Path directory = config.getParent();
        Path log = directory.resolve(name + ".log");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Small and quick to start on a build machine; nothing here depends on the JIT's top tier.
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", jar().toString(), "run", "--config", config.toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(directory.resolve(name + ".stdout").toFile())
                .redirectError(log.toFile());
        builder.environment().keySet().removeIf(variable -> variable.startsWith("PIPELINE_EVENTS_"));
        return new ServiceProcess(builder.start(), log);
    }

    /** The jar {@code mvn install} builds in the app module, next to this module. */
    static Path jar() {
        Path jar = Path.of(System.getProperty("pipeline-events.jar", "../app/target/pipeline-events.jar"))
                .toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no service jar at " + jar + ": build it first (mvn -B -q install"
                    + " -DskipTests at the root) or name it with -Dpipeline-events.jar=PATH");
        }
        return jar;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL (what {@link Process#destroyForcibly()} sends on Linux): no shutdown hook runs. Returns the exit status. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    /** SIGTERM (what {@link Process#destroy()} sends on Linux): the JVM runs its shutdown hooks. */
    void terminate() {
        process.destroy();
    }

    /** Waits for the process to end on its own; true if it did within {@code limit}. */
    boolean awaitExit(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    int exitStatus() {
        return process.exitValue();
    }

    /** The service's log (stderr) so far. */
    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path logFile() {
        return log;
    }

    /**
     * Makes sure the process is gone, whatever the test did: SIGKILL if it still runs, after its threads were
     * dumped next to its log ({@code <name>.threads}), since a process still running here is often a stuck one.
     */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            dumpThreads();
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void dumpThreads() throws InterruptedException {
        String name = log.getFileName().toString().replaceFirst("\\.log$", "");
        try {
            new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(log.resolveSibling(name + ".threads").toFile())
                    .start().waitFor(20, TimeUnit.SECONDS);
        } catch (IOException e) {
            // No jcmd in this Java: the log has to do.
        }
    }
}
