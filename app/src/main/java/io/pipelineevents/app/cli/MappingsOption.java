package io.pipelineevents.app.cli;

import io.pipelineevents.app.config.InvalidSettingsException;
import io.pipelineevents.app.config.MappingsChoice;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Which mappings a preview or check uses: given on the command line, else those the service is configured with. */
final class MappingsOption {
    @Mixin
    ConfigOption config;

    @ArgGroup(exclusive = true)
    Choice choice;

    static final class Choice {
        @Option(names = {"-m", "--mappings"}, paramLabel = "PATH", description = "A mapping file or a folder of them.")
        Path path;

        @Option(names = {"-p", "--preset"}, paramLabel = "NAME", description = "A preset shipped with the product.")
        String preset;
    }

    MappingsChoice resolve() throws InvalidSettingsException {
        if (choice != null) {
            return new MappingsChoice(Optional.ofNullable(choice.path), choice.preset == null ? "" : choice.preset);
        }
        return config.configFile().readMappings();
    }
}
