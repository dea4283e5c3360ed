package io.pipelineevents.app.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the status file every few seconds (for {@code pipeline-events status}) and logs a status line at the
 * configured interval when something changed. A Camel context service: it starts and stops with the service.
 */
public final class StatusPublisher extends ServiceSupport {
    /** How often the file is rewritten; {@code status} calls a file older than a few of these stale. */
    public static final Duration FILE_PERIOD = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(StatusPublisher.class);

    private final MeterRegistry meters;
    private final List<String> realms;
    private final String queue;
    private final StatusSettings settings;
    private final Clock clock;
    private final Instant startedAt;
    private final ObjectMapper json = StatusSnapshot.json();
    private ScheduledExecutorService scheduler;
    private String lastLogged = "";
    private volatile boolean writeFailing;

    public StatusPublisher(MeterRegistry meters, List<String> realms, String queue, StatusSettings settings,
            Clock clock) {
        this.meters = meters;
        this.realms = List.copyOf(realms);
        this.queue = queue;
        this.settings = settings;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    @Override
    protected void doStart() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "status");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::writeFile, 0, FILE_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        long log = settings.logInterval().toMillis();
        if (log > 0) {
            scheduler.scheduleWithFixedDelay(this::logIfChanged, log, log, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    protected void doStop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        writeFile();
    }

    private StatusSnapshot snapshot() {
        return StatusSnapshot.of(meters, realms, startedAt, queue, clock.instant(), isStoppingOrStopped());
    }

    private void logIfChanged() {
        String line = snapshot().line();
        if (!line.equals(lastLogged)) {
            LOG.info(line);
            lastLogged = line;
        }
    }

    private void writeFile() {
        Path file = settings.file().toAbsolutePath();
        try {
            Path temporary = Files.createTempFile(file.getParent(), ".status", ".tmp");
            json.writeValue(temporary.toFile(), snapshot());
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // Once per run of failures: the file was writable at start-up, so this is news (a full disk, say).
            if (!writeFailing) {
                LOG.warn("Could not write the status file {}: {}", file, e.getMessage());
            }
            writeFailing = true;
            return;
        }
        writeFailing = false;
    }
}
