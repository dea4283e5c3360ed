package io.pipelineevents.app.cli;

import io.pipelineevents.app.PipelineService;
import io.pipelineevents.app.config.Settings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Consume notifications from the SQS queue and send Splunk events to every realm.",
                "With no queue configured, starts an embedded SQS server on localhost:9324;"
                        + " with no realm configured, prints events as JSON lines on stdout."})
final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws Exception {
        Settings settings = config.configFile().read();
        PipelineService.create(settings, config.configFile(), System.out).run();
        return ExitCodes.OK;
    }
}
