package io.pipelineevents.app.cli;

import io.pipelineevents.app.config.ConfigFile;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --config} option shared by every command that reads settings. */
public final class ConfigOption {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Settings file (properties). Default: ./pipeline-events.properties if it exists."
                    + " Environment variables override it, e.g. PIPELINE_EVENTS_SQS_QUEUE.")
    Path file;

    public ConfigFile configFile() {
        return new ConfigFile(Optional.ofNullable(file));
    }
}
