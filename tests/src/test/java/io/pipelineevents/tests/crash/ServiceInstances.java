package io.pipelineevents.tests.crash;

import io.pipelineevents.tests.support.TestQueues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * One service configuration and the processes started with it, one after another as a supervisor would restart
 * them. Everything lives in one directory under {@code target/crash/}: the config file, each instance's log and
 * stdout ({@code service-1.log}, {@code service-2.log}, ...) and the parking directory. {@link #close()} kills
 * whatever still runs.
 */
final class ServiceInstances implements AutoCloseable {
    private final Path directory;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final List<String> realms = new ArrayList<>();
    private final List<ServiceProcess> started = new ArrayList<>();

    private ServiceInstances(Path directory) {
        this.directory = directory;
    }

    /** A fresh directory {@code target/crash/<test class>/<test method>} and settings reading {@code queueUrl}. */
    static ServiceInstances reading(TestQueues queues, String queueUrl, String testClass, String testMethod) {
        Path directory = Path.of("target", "crash", testClass, testMethod).toAbsolutePath();
        deleteRecursively(directory);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServiceInstances instances = new ServiceInstances(directory);
        instances.with("sqs.queue", queueUrl)
                .with("sqs.endpoint", queues.endpoint())
                .with("sqs.region", TestQueues.REGION)
                .with("sqs.access-key", TestQueues.ACCESS_KEY)
                .with("sqs.secret-key", TestQueues.ACCESS_KEY)
                .with("parking.directory", instances.parkingDirectory().toString());
        return instances;
    }

    ServiceInstances realm(RecordingRealm realm) {
        realms.add(realm.name());
        return with("realm." + realm.name() + ".url", realm.url())
                .with("realm." + realm.name() + ".token", realm.token());
    }

    /** A setting, named without the {@code pipeline-events.} prefix. */
    ServiceInstances with(String key, String value) {
        settings.put(key, value);
        return this;
    }

    /** Writes the config file (again, so a setting changed between instances applies) and starts an instance. */
    ServiceProcess start() throws IOException {
        Properties properties = new Properties();
        settings.forEach((key, value) -> properties.setProperty("pipeline-events." + key, value));
        properties.setProperty("pipeline-events.realms", String.join(",", realms));
        Path config = directory.resolve("pipeline-events.properties");
        try (Writer out = Files.newBufferedWriter(config)) {
            properties.store(out, "written by a test in " + getClass().getPackageName());
        }
        ServiceProcess instance = ServiceProcess.start(config, "service-" + (started.size() + 1));
        started.add(instance);
        return instance;
    }

    Path directory() {
        return directory;
    }

    Path parkingDirectory() {
        return directory.resolve("parked");
    }

    /** Files realms parked events in: zero unless a realm gave up on something. */
    long parkedFiles() {
        if (!Files.isDirectory(parkingDirectory())) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(parkingDirectory())) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (ServiceProcess instance : started) {
            instance.close();
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
