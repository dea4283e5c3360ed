package io.pipelineevents.app.cli;

import io.pipelineevents.app.config.InvalidSettingsException;
import io.pipelineevents.app.StartupException;
import io.pipelineevents.mappings.MappingLoadException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "pipeline-events", mixinStandardHelpOptions = true, version = "pipeline-events 0.1.0",
        description = "Turns CI/CD pipeline notifications into Splunk Observability Cloud events.",
        subcommands = {RunCommand.class, SendCommand.class, StatusCommand.class, ParkedCommand.class, ReplayCommand.class,
                ValidateCommand.class, MapCommand.class, TestCommand.class,
                CommandLine.HelpCommand.class})
public final class PipelineEventsCommand {

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new PipelineEventsCommand());
        commandLine.setExecutionExceptionHandler(PipelineEventsCommand::explain);
        return commandLine;
    }

    /** Known failures are explained in a sentence or a list, without a stack trace. */
    private static int explain(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof InvalidSettingsException || e instanceof MappingLoadException) {
            commandLine.getErr().println(e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        if (e instanceof StartupException) {
            commandLine.getErr().println(e.getMessage());
            return ExitCodes.FAILED;
        }
        throw e;
    }
}
