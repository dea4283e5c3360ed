package io.pipelineevents.tests.support;

import io.micrometer.core.instrument.search.Search;
import io.pipelineevents.app.PipelineService;
import io.pipelineevents.app.config.ConfigFile;
import io.pipelineevents.routes.delivery.DeliveryMetrics;
import io.pipelineevents.routes.parking.DirectoryParkingPlace;
import io.pipelineevents.routes.parking.ParkedItem;
import io.pipelineevents.routes.source.NotificationOutcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The real application, started in this JVM from a config file, exactly as {@code pipeline-events run --config}
 * would start it; its console realm writes into a buffer the test can read.
 */
public final class RunningService implements AutoCloseable {
    private final PipelineService service;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final Optional<Path> parkingDirectory;

    private RunningService(Path configFile, Optional<Path> parkingDirectory) throws Exception {
        this.parkingDirectory = parkingDirectory;
        ConfigFile config = new ConfigFile(Optional.of(configFile));
        service = PipelineService.create(config.read(), config,
                new PrintStream(console, true, StandardCharsets.UTF_8));
        service.start();
    }

    public static RunningService start(Path directory, Map<String, String> settings) throws Exception {
        Properties properties = new Properties();
        settings.forEach((key, value) -> properties.setProperty("pipeline-events." + key, value));
        Path file = directory.resolve("pipeline-events.properties");
        try (var out = Files.newBufferedWriter(file)) {
            properties.store(out, "written by a test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RunningService(file, Optional.ofNullable(settings.get("parking.directory")).map(Path::of));
    }

    /** Source messages that reached the given outcome so far. */
    public long outcomes(NotificationOutcome outcome) {
        return (long) Search.in(service.meters()).name(NotificationOutcome.METER).tag("outcome", outcome.tag())
                .counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /** The count of one tagged counter, 0 when it was never incremented. */
    public long counter(String name, String tag, String value) {
        return (long) Search.in(service.meters()).name(name).tag(tag, value).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    /** The count of an untagged counter, such as the visibility counters; 0 when it was never incremented. */
    public long counter(String name) {
        return (long) Search.in(service.meters()).name(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /** Events the realm accepted (HTTP 200 "OK"), by the service's own count. */
    public long delivered(String realm) {
        return counter(DeliveryMetrics.EVENTS_DELIVERED, "realm", realm);
    }

    /** Events parked for the realm, by the service's own count. */
    public long parkedEvents(String realm) {
        return counter(DeliveryMetrics.EVENTS_PARKED, "realm", realm);
    }

    /** Notifications the realm did not take again because it had accepted or parked them before. */
    public long duplicatesSkipped(String realm) {
        return counter(DeliveryMetrics.DUPLICATES_SKIPPED, "realm", realm);
    }

    /** Requests to the realm that were sent again after a transient failure. */
    public long retried(String realm) {
        return counter(DeliveryMetrics.REQUESTS_RETRIED, "realm", realm);
    }

    /**
     * What is parked in this service's parking directory, oldest first, read as {@code pipeline-events parked list}
     * reads it. Empty when nothing was parked; with a dead-letter queue, see {@link TestQueues#parkedOn}.
     */
    public List<ParkedItem> parked() {
        return new DirectoryParkingPlace(parkingDirectory.orElseThrow(
                () -> new IllegalStateException("this service has no parking.directory setting")))
                .list(Optional.empty());
    }

    /** Source messages that reached any outcome so far: grows by one per message the service finished with. */
    public long finished() {
        return (long) Search.in(service.meters()).name(NotificationOutcome.METER).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    public String consoleOutput() {
        return console.toString(StandardCharsets.UTF_8);
    }

    public org.apache.camel.CamelContext camelContext() {
        return service.camelContext();
    }

    @Override
    public void close() {
        service.close();
    }
}
