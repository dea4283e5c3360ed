package io.pipelineevents.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipelineevents.mappings.MappingSet;
import io.pipelineevents.mappings.fixtures.FixtureLoadException;
import io.pipelineevents.mappings.fixtures.FixtureResults;
import io.pipelineevents.mappings.fixtures.FixtureRunner;
import io.pipelineevents.mappings.fixtures.FixtureSuite;
import io.pipelineevents.routes.envelope.BodyFormat;
import io.pipelineevents.routes.envelope.EnvelopeReader;
import io.pipelineevents.routes.envelope.Notification;
import io.pipelineevents.routes.envelope.QueueMessage;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Run mapping fixtures: each is a notification and the exact events expected from it.",
                "Prints PASS or FAIL per fixture, with the differences; exit code 1 when any fails, 2 when a fixture"
                        + " or mapping file does not load. A fixture that names its own mappings uses them; the"
                        + " others use --mappings/--preset, else the configured mappings."})
final class TestCommand implements Callable<Integer> {
    @Mixin
    MappingsOption mappings;

    @Parameters(arity = "1..*", paramLabel = "FIXTURES", description = "Fixture files or folders of them.")
    List<Path> fixtures;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        FixtureSuite suite;
        try {
            suite = FixtureSuite.load(fixtures);
        } catch (FixtureLoadException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        MappingSet mappingSet = mappings.resolve().load();
        ObjectMapper json = new ObjectMapper();
        EnvelopeReader envelopes = new EnvelopeReader(json, BodyFormat.AUTO);
        FixtureResults results = FixtureRunner.run(Optional.of(mappingSet), suite,
                notification -> unwrap(envelopes, json, notification));
        spec.commandLine().getOut().println(results.report());
        return results.passed() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** A fixture's notification is read as the service reads a queue message: an SNS envelope is opened. */
    private static JsonNode unwrap(EnvelopeReader envelopes, ObjectMapper json, JsonNode notification) {
        try {
            QueueMessage message = envelopes.read(json.writeValueAsString(notification));
            return message instanceof Notification n ? n.payload() : notification;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
