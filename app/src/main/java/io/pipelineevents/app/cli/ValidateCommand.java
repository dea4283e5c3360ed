package io.pipelineevents.app.cli;

import io.pipelineevents.app.config.MappingsChoice;
import io.pipelineevents.mappings.MappingLoadException;
import io.pipelineevents.mappings.MappingSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check mapping files without starting anything: every problem with file:line:column.",
                "Without FILES, checks the mappings the service is configured with. Exit code 2 on problems."})
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Parameters(arity = "0..*", paramLabel = "FILE|DIR", description = "Mapping files or folders of them.")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<MappingsChoice> choices = paths == null || paths.isEmpty()
                ? List.of(config.configFile().readMappings())
                : paths.stream().map(path -> new MappingsChoice(Optional.of(path), "")).toList();
        int failed = 0;
        for (MappingsChoice choice : choices) {
            try {
                MappingSet mappings = choice.load();
                spec.commandLine().getOut().println("ok: " + choice + ": " + mappings.describe());
            } catch (MappingLoadException e) {
                failed++;
                spec.commandLine().getErr().println(e.getMessage());
            }
        }
        return failed == 0 ? ExitCodes.OK : ExitCodes.INVALID_INPUT;
    }
}
