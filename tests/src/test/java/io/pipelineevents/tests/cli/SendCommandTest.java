package io.pipelineevents.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelineevents.app.PipelineEvents;
import io.pipelineevents.mappings.Corpus;
import io.pipelineevents.tests.support.TestQueues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The command line in a process of its own, configured only through environment variables, as a container
 * would configure it.
 */
class SendCommandTest {

    @Test
    void environmentVariablesConfigureSendAndItsFilesArriveVerbatim(@TempDir Path dir) throws Exception {
        try (TestQueues queues = new TestQueues()) {
            String queueUrl = queues.createQueue("send");
            Path notification = dir.resolve("notification.json");
            Files.writeString(notification, Corpus.text("eventbridge-pipeline-started.json"));

            Result result = run(dir, Map.of(
                    "PIPELINE_EVENTS_SQS_QUEUE", queueUrl,
                    "PIPELINE_EVENTS_SQS_ENDPOINT", queues.endpoint(),
                    "PIPELINE_EVENTS_SQS_REGION", TestQueues.REGION,
                    "PIPELINE_EVENTS_SQS_ACCESS_KEY", TestQueues.ACCESS_KEY,
                    "PIPELINE_EVENTS_SQS_SECRET_KEY", TestQueues.ACCESS_KEY,
                    // Configured realms without tokens: send does not need them.
                    "PIPELINE_EVENTS_REALMS", "us1"),
                    "send", notification.toString(), dir.resolve("absent.json").toString());

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stdout()).contains("sent " + notification + " as message ");
            assertThat(result.stderr()).contains("could not send " + dir.resolve("absent.json") + ": no such file");
            List<Message> received = queues.receive(queueUrl);
            assertThat(received).extracting(Message::body)
                    .containsExactly(Corpus.text("eventbridge-pipeline-started.json"));
        }
    }

    @Test
    void invalidSettingsExitWithCodeTwoAndNameEachProblem(@TempDir Path dir) throws Exception {
        Result result = run(dir, Map.of("PIPELINE_EVENTS_SQS_CONSUMERS", "zero", "PIPELINE_EVENTS_SQS_BODY_FORMAT", "xml"),
                "send", "whatever.json");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains(
                "pipeline-events.sqs.consumers (env PIPELINE_EVENTS_SQS_CONSUMERS) 'zero' is not a whole number",
                "pipeline-events.sqs.body-format (env PIPELINE_EVENTS_SQS_BODY_FORMAT) 'xml' is not a body format");
        assertThat(result.stderr()).doesNotContain("\tat ");
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result run(Path dir, Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PipelineEvents.class.getName()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("PIPELINE_EVENTS_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the command finished").isTrue();
        return new Result(process.exitValue(), Files.readString(dir.resolve("stdout"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8));
    }
}
