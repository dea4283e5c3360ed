package io.pipelineevents.tests.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipelineevents.routes.source.NotificationOutcome;
import io.pipelineevents.mappings.Corpus;
import io.pipelineevents.tests.support.GoldenFiles;
import io.pipelineevents.tests.support.RunningService;
import io.pipelineevents.tests.support.TestQueues;
import io.pipelineevents.tests.support.TestSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console realm prints each Splunk event as one JSON line, exactly what would be POSTed, and nothing else. */
class ConsoleRealmTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachEventIsOneJsonLineOnTheConsole(@TempDir Path dir) throws Exception {
        try (TestQueues queues = new TestQueues()) {
            String queueUrl = queues.createQueue("console");
            try (RunningService service = RunningService.start(dir,
                    TestSettings.queue(queues, queueUrl).consoleRealm().build())) {
                queues.send(queueUrl, Corpus.text("eventbridge-action-failed-codebuild.json"));
                queues.send(queueUrl, Corpus.text("sns-sqs-envelope-pipeline-failed.json"));
                queues.send(queueUrl, Corpus.text("github-workflow-run-completed.json"));

                await().atMost(Duration.ofSeconds(20)).until(() -> service.outcomes(NotificationOutcome.DELIVERED) == 2
                        && service.outcomes(NotificationOutcome.UNMATCHED) == 1);

                List<String> lines = service.consoleOutput().lines().toList();
                assertThat(lines).hasSize(2);
                for (String line : lines) {
                    assertThat(JSON.readTree(line).isObject()).as("one event object per line: %s", line).isTrue();
                }
                String failedAction = lines.stream().filter(l -> l.contains("codepipeline.action")).findFirst().orElseThrow();
                GoldenFiles.assertMatches("eventbridge-action-failed-codebuild.json", "[" + failedAction + "]");
            }
        }
    }
}
