package io.pipelineevents.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipelineevents.app.cli.PipelineEventsCommand;
import io.pipelineevents.mappings.Corpus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** validate, map and test: what a user runs before deploying a mapping change. */
class MappingCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(String... arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = PipelineEventsCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        // An empty config file in the temp dir keeps the developer's ./pipeline-events.properties out of the test.
        Path config = dir.resolve("empty.properties");
        try {
            Files.writeString(config, "");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> args = new java.util.ArrayList<>(List.of(arguments));
        args.add("--config=" + config);
        int exitCode = commandLine.execute(args.toArray(String[]::new));
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void validateListsEveryProblemWithItsLocationAndExitsTwo() throws Exception {
        Path mappings = Files.createDirectories(dir.resolve("mappings"));
        Files.writeString(mappings.resolve("broken.yaml"), String.join("\n",
                "rules:",
                "  - name: x",
                "    match: {source: [aws.codepipeline]}",
                "    event:",
                "      eventType: my event",
                "      dimension:",
                "        a: b",
                ""));

        Run result = run("validate", mappings.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(
                "broken.yaml:5:18: eventType 'my event' is not accepted by Splunk ingest",
                "broken.yaml:6:7: unknown key 'dimension' in event; did you mean 'dimensions'?");
    }

    @Test
    void validateWithoutArgumentsChecksTheConfiguredMappings() {
        Run result = run("validate");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("ok: preset codepipeline:");
    }

    @Test
    void mapPrintsTheEventsOfEachFileAndSaysWhatHappenedToIt() throws Exception {
        Path envelope = dir.resolve("envelope.json");
        Files.writeString(envelope, Corpus.text("sns-sqs-envelope-pipeline-failed.json"));
        Path github = dir.resolve("github.json");
        Files.writeString(github, Corpus.text("github-workflow-run-completed.json"));

        Run result = run("map", "--preset", "codepipeline", envelope.toString(), github.toString());

        assertThat(result.exitCode()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(JSON.readTree(lines.get(0)).path("eventType").asText()).isEqualTo("codepipeline.pipeline");
        assertThat(result.err()).contains(envelope + ": 1 event from rule(s) pipeline-execution",
                github + ": no rule matched");
    }

    @Test
    void mapShowsTheDedupeKeyTheMappingRendered() throws Exception {
        Path mapping = Files.writeString(dir.resolve("keyed.yaml"), """
                dedupe-key: "${detail.execution-id}/${detail.state}"
                rules:
                  - name: pipeline
                    match: {detailType: [CodePipeline Pipeline Execution State Change]}
                    event: {eventType: codepipeline.pipeline}
                """);
        Path notification = Files.writeString(dir.resolve("codestar.json"),
                Corpus.text("codestar-sns-pipeline-failed.json"));

        Run result = run("map", "--mappings", mapping.toString(), notification.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("  dedupe key: 0a1b2c3d-0000-4000-8000-000000000001/FAILED");
    }

    @Test
    void testPassesTheShippedFixturesAndFailsWithADiffWhenAnExpectationIsWrong() throws Exception {
        String fixture = Files.readString(Path.of(
                "../mappings/src/main/resources/io/pipelineevents/mappings/presets/codepipeline/fixtures/"
                        + "eventbridge-action-failed-codebuild.yaml"));
        Path good = Files.createDirectories(dir.resolve("good")).resolve("action.yaml");
        Files.writeString(good, fixture);
        Path bad = Files.createDirectories(dir.resolve("bad")).resolve("action.yaml");
        int expectations = fixture.indexOf("\nexpect");
        Files.writeString(bad, fixture.substring(0, expectations)
                + fixture.substring(expectations).replace("\"stage\" : \"Build\"", "\"stage\" : \"Deploy\""));

        Run passing = run("test", good.getParent().toString());
        Run failing = run("test", bad.getParent().toString());

        assertThat(passing.exitCode()).isZero();
        assertThat(passing.out()).contains("1 fixture", "1 passed, 0 failed");
        assertThat(failing.exitCode()).isEqualTo(1);
        assertThat(failing.out()).contains("FAIL", "dimensions.stage", "Deploy", "Build", "0 passed, 1 failed");
    }
}
