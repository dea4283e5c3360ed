package io.pipelineevents.tests.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.pipelineevents.app.cli.PipelineEventsCommand;
import io.pipelineevents.mappings.Corpus;
import io.pipelineevents.routes.delivery.DeliveryMetrics;
import io.pipelineevents.tests.support.RunningService;
import io.pipelineevents.tests.support.StubRealm;
import io.pipelineevents.tests.support.TestQueues;
import io.pipelineevents.tests.support.TestSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What an operator runs beside the service: {@code parked list} shows what a realm could not deliver, {@code replay}
 * sends it again once the cause is fixed, {@code status} shows the counts per realm. Against a real queue server
 * and a stub realm, with both parking places: the local directory and the dead-letter queue.
 */
class OperatorCommandsTest {
    private static final String NOTIFICATION = "eventbridge-pipeline-failed.json";

    @TempDir
    Path dir;

    private TestQueues queues;
    private StubRealm realm;
    private RunningService service;
    private String queueUrl;

    private record Run(int exitCode, String out) {
    }

    @BeforeEach
    void start() {
        queues = new TestQueues();
        queueUrl = queues.createQueue("operator");
        realm = new StubRealm("alpha", "alpha-token");
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        realm.close();
        queues.close();
    }

    private TestSettings settings() {
        return TestSettings.queue(queues, queueUrl).realm(realm)
                .with("status.file", dir.resolve("status.json").toString());
    }

    private Run run(String... arguments) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = PipelineEventsCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));
        String[] withConfig = java.util.stream.Stream.concat(java.util.Arrays.stream(arguments),
                java.util.stream.Stream.of("--config=" + dir.resolve("pipeline-events.properties"))).toArray(String[]::new);
        int exitCode = commandLine.execute(withConfig);
        return new Run(exitCode, out.toString());
    }

    private void refusedTokenParksTheEventsThenReplayDeliversThem() {
        realm.answer(401, "{\"message\":\"invalid token\"}");
        queues.send(queueUrl, Corpus.text(NOTIFICATION));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> service.counter(DeliveryMetrics.EVENTS_PARKED, "realm", "alpha") == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> queues.messagesOn(queueUrl) == 0);
        String sent = realm.requests().get(0).getBodyAsString();

        Run listed = run("parked", "list", "--reasons");
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).contains("1 parked item(s)").contains("alpha").contains("401")
                .contains("realm alpha answered HTTP 401");

        realm.accept();
        realm.forgetRequests();
        Run replayed = run("replay", "--realm", "alpha");
        assertThat(replayed.exitCode()).as(replayed.out()).isZero();
        assertThat(replayed.out()).contains("replayed 1, failed 0");
        assertThat(realm.requests()).hasSize(1);
        assertThat(realm.requests().get(0).getBodyAsString()).isEqualTo(sent);
        assertThat(realm.requests().get(0).getHeader("X-SF-Token")).isEqualTo("alpha-token");

        assertThat(run("parked", "list").out()).contains("0 parked item(s)");
    }

    @Test
    void eventsParkedInTheDirectoryAreListedAndReplayedOnceTheRealmAcceptsAgain() throws Exception {
        TestSettings settings = settings();
        service = RunningService.start(dir, settings.build());

        refusedTokenParksTheEventsThenReplayDeliversThem();
        assertThat(settings.parkingDirectory().resolve("alpha")).isEmptyDirectory();
    }

    @Test
    void eventsParkedInTheDeadLetterQueueAreListedAndReplayedOnceTheRealmAcceptsAgain() throws Exception {
        String deadLetterUrl = queues.createQueue("operator-dlq");
        service = RunningService.start(dir, settings().deadLetterQueue(deadLetterUrl).build());

        refusedTokenParksTheEventsThenReplayDeliversThem();
        assertThat(queues.messagesOn(deadLetterUrl)).isZero();
    }

    @Test
    void aReplayThatFailsAgainKeepsTheEventsParkedAndExitsOne() throws Exception {
        service = RunningService.start(dir, settings().build());
        realm.answer(403, "forbidden");
        queues.send(queueUrl, Corpus.text(NOTIFICATION));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> service.counter(DeliveryMetrics.EVENTS_PARKED, "realm", "alpha") == 1);

        Run replayed = run("replay");

        assertThat(replayed.exitCode()).isEqualTo(1);
        assertThat(replayed.out()).contains("replayed 0, failed 1");
        assertThat(run("parked", "list").out()).contains("1 parked item(s)");
    }

    @Test
    void statusShowsPerRealmCountsWhileRunningAndExitsOneOnceStopped() throws Exception {
        service = RunningService.start(dir, settings().build());
        queues.send(queueUrl, Corpus.text(NOTIFICATION));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> service.counter(DeliveryMetrics.EVENTS_DELIVERED, "realm", "alpha") == 1);

        // The file is rewritten every few seconds: wait for one that has the delivery.
        await().atMost(Duration.ofSeconds(15)).until(() -> run("status").out().matches("(?s).*\\nalpha +1 .*"));
        Run running = run("status");
        assertThat(running.exitCode()).isZero();
        assertThat(running.out()).contains("Service: running").contains("delivered=1")
                .contains("REALM").contains("BACKLOG").contains(queueUrl + ": 0 waiting");

        service.close();
        service = null;
        Run stopped = run("status");
        assertThat(stopped.exitCode()).isEqualTo(1);
        assertThat(stopped.out()).contains("NOT running");
    }

    @Test
    void parkedListAndStatusNeedNoRealmTokenWhereTheyRun() throws Exception {
        service = RunningService.start(dir, settings().build());
        realm.answer(401, "{\"message\":\"invalid token\"}");
        queues.send(queueUrl, Corpus.text(NOTIFICATION));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> service.counter(DeliveryMetrics.EVENTS_PARKED, "realm", "alpha") == 1);
        // An operator's copy of the configuration, without the secret: the commands that only look still work.
        Path config = dir.resolve("pipeline-events.properties");
        Files.write(config, Files.readAllLines(config).stream().filter(line -> !line.contains(".token=")).toList());

        Run listed = run("parked", "list");
        assertThat(listed.exitCode()).as(listed.out()).isZero();
        assertThat(listed.out()).contains("1 parked item(s)");
        await().atMost(Duration.ofSeconds(15)).until(() -> run("status").exitCode() == 0);
        Run replayed = run("replay");
        assertThat(replayed.exitCode()).isEqualTo(2);
        assertThat(replayed.out()).contains("pipeline-events.realm.alpha.token").contains("is missing");
    }

    @Test
    void aRealmThatIsNotConfiguredIsRefusedByNameRatherThanFindingNothing() throws Exception {
        service = RunningService.start(dir, settings().build());

        for (String command : new String[] {"parked list", "replay"}) {
            String[] words = (command + " --realm alhpa").split(" ");
            Run run = run(words);
            assertThat(run.exitCode()).as(command).isEqualTo(2);
            assertThat(run.out()).as(command).contains("realm 'alhpa' is not in pipeline-events.realms (alpha)");
        }
    }

    @Test
    void aParkingDirectoryOrStatusFileThatCannotBeWrittenStopsTheStartNamingTheSetting() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("a-file"), "not a directory");

        assertThatThrownBy(() -> RunningService.start(dir,
                        settings().with("parking.directory", notADirectory.toString()).build()))
                .hasMessageStartingWith("pipeline-events.parking.directory cannot be written: " + notADirectory);
        assertThatThrownBy(() -> RunningService.start(dir,
                        settings().with("status.file", notADirectory.resolve("status.json").toString()).build()))
                .hasMessageStartingWith("pipeline-events.status.file cannot be written: " + notADirectory);
    }
}
