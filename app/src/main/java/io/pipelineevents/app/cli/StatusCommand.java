package io.pipelineevents.app.cli;

import io.pipelineevents.app.config.Settings;
import io.pipelineevents.app.sqs.QueueUrls;
import io.pipelineevents.app.sqs.SqsClientFactory;
import io.pipelineevents.app.status.StatusPublisher;
import io.pipelineevents.app.status.StatusSnapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show what the running service has done and holds, per realm (from its status file), and"
                + " how many messages wait on the source queue.",
                "Exit 0 when the service is running, 1 when it is not (or its status file is stale)."})
final class StatusCommand implements Callable<Integer> {
    private static final Duration STALE = StatusPublisher.FILE_PERIOD.multipliedBy(3);

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Settings settings = config.configFile().readWithoutTokens();
        PrintWriter out = spec.commandLine().getOut();
        boolean running = printService(out, settings.status().file());
        printQueue(out, settings);
        return running ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private boolean printService(PrintWriter out, Path file) {
        if (!Files.isRegularFile(file)) {
            out.println("Service: no status file at " + file.toAbsolutePath() + " (is 'pipeline-events run' running"
                    + " in this directory, with the same status.file?)");
            return false;
        }
        StatusSnapshot status;
        try {
            status = StatusSnapshot.json().readValue(file.toFile(), StatusSnapshot.class);
        } catch (IOException e) {
            out.println("Service: the status file " + file.toAbsolutePath() + " cannot be read: " + e.getMessage());
            return false;
        }
        Duration age = Duration.between(status.writtenAt(), Instant.now());
        boolean alive = ProcessHandle.of(status.pid()).map(ProcessHandle::isAlive).orElse(false);
        boolean running = alive && status.stoppedAt() == null && age.compareTo(STALE) < 0;
        out.printf("Service: %s, pid %d, started %s; status of %d s ago (%s)%n",
                running ? "running" : status.stoppedAt() != null ? "NOT running (stopped at " + status.stoppedAt()
                        + "; its last status below)" : "NOT running (its last status below)",
                status.pid(), status.startedAt(), age.toSeconds(), file.toAbsolutePath());
        out.println("Notifications: " + status.notifications().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
        out.printf("Messages handed to realms, not yet acknowledged: %d (visibility extended %d times, %d failed)%n",
                status.pendingMessages(), status.visibilityExtensions(), status.visibilityExtensionFailures());
        out.printf("%-16s %10s %8s %8s %11s %8s %8s%n", "REALM", "DELIVERED", "RETRIED", "PARKED", "DUPLICATES",
                "REFUSED", "BACKLOG");
        for (Map.Entry<String, StatusSnapshot.RealmStatus> realm : status.realms().entrySet()) {
            StatusSnapshot.RealmStatus r = realm.getValue();
            out.printf("%-16s %10d %8d %8d %11d %8d %8d%n", realm.getKey(), r.delivered(), r.retried(), r.parked(),
                    r.duplicatesSkipped(), r.refused(), r.backlog());
        }
        out.println("(counts since the service started: events delivered/parked/refused, requests retried,"
                + " notifications skipped as duplicates; backlog = events waiting or in flight now)");
        return running;
    }

    private void printQueue(PrintWriter out, Settings settings) {
        try (SqsClient sqs = SqsClientFactory.create(settings.queue().connection())) {
            String url = QueueUrls.resolve(sqs, settings.queue().source().queue(), "source");
            Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
            out.printf("Source queue %s: %s waiting, %s in flight (approximate)%n", url,
                    attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
                    attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
        } catch (QueueUrls.QueueUnavailableException | SdkException e) {
            out.println("Source queue: cannot be reached: " + e.getMessage());
        }
    }
}
