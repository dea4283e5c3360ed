package io.pipelineevents.app.cli;

import io.pipelineevents.app.config.Settings;
import io.pipelineevents.routes.delivery.Realm;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code --realm} option of the commands that work on parked events: one of the configured realms. */
final class RealmOption {
    @Option(names = "--realm", paramLabel = "NAME", description = "Only the events parked for this realm.")
    String realm;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** The chosen realm, checked against the settings: a misspelt name would otherwise just find nothing. */
    Optional<String> chosen(Settings settings) {
        if (realm == null) {
            return Optional.empty();
        }
        List<String> names = settings.realms().stream().map(Realm::name).toList();
        if (!names.contains(realm)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "realm '" + realm
                    + "' is not in pipeline-events.realms (" + String.join(", ", names) + ")");
        }
        return Optional.of(realm);
    }
}
