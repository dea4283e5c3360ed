package io.pipelineevents.app;

import io.pipelineevents.app.cli.PipelineEventsCommand;
import picocli.CommandLine;

/** The jar's entry point. */
public final class PipelineEvents {
    private PipelineEvents() {
    }

    public static void main(String[] args) {
        System.exit(PipelineEventsCommand.commandLine().execute(args));
    }
}
