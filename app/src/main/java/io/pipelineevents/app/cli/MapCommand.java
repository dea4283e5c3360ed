package io.pipelineevents.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipelineevents.mappings.MappingOutcome;
import io.pipelineevents.mappings.MappingSet;
import io.pipelineevents.mappings.event.SplunkEvent;
import io.pipelineevents.routes.envelope.BodyFormat;
import io.pipelineevents.routes.envelope.EnvelopeReader;
import io.pipelineevents.routes.envelope.Notification;
import io.pipelineevents.routes.envelope.QueueMessage;
import io.pipelineevents.routes.envelope.SnsControlMessage;
import io.pipelineevents.routes.envelope.UnprocessableMessageException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "map", mixinStandardHelpOptions = true,
        description = {"Preview the Splunk events the mappings produce for notification files, without any network.",
                "Events go to stdout as JSON lines, exactly as they would be sent; what happened to each file goes"
                        + " to stderr. The body is read as a queue message would be (SNS envelopes are opened)."})
final class MapCommand implements Callable<Integer> {
    @Mixin
    MappingsOption mappings;

    @Option(names = "--body-format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto, sns-envelope or raw, as pipeline-events.sqs.body-format. Default: ${DEFAULT-VALUE}.")
    String bodyFormat;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Notification files.")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        MappingSet mappingSet = mappings.resolve().load();
        ObjectMapper json = new ObjectMapper();
        EnvelopeReader envelopes = new EnvelopeReader(json, BodyFormat.fromConfig(bodyFormat));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failed = 0;
        for (Path file : files) {
            try {
                QueueMessage message = envelopes.read(MessageFile.read(file));
                if (message instanceof SnsControlMessage control) {
                    err.println(file + ": SNS " + control.type() + ", no notification");
                    continue;
                }
                MappingOutcome outcome = mappingSet.apply(((Notification) message).payload());
                for (SplunkEvent event : outcome.events()) {
                    out.println(json.writeValueAsString(event));
                }
                err.println(file + ": " + describe(outcome));
                outcome.dedupeKey().ifPresent(key -> err.println("  dedupe key: " + key));
                outcome.fixes().forEach(fix -> err.println("  fixed: " + fix));
                outcome.refusals().forEach(refusal -> err.println("  refused: " + refusal));
                failed += outcome.refusals().isEmpty() ? 0 : 1;
            } catch (MessageFile.UnsendableFileException e) {
                failed++;
                err.println(file + ": " + e.getMessage());
            } catch (UnprocessableMessageException e) {
                failed++;
                err.println(file + ": unprocessable: " + e.getMessage());
            }
        }
        out.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static String describe(MappingOutcome outcome) {
        if (!outcome.matched()) {
            return "no rule matched";
        }
        return outcome.events().size() + (outcome.events().size() == 1 ? " event" : " events") + " from rule(s) "
                + String.join(", ", outcome.matchedRules());
    }
}
