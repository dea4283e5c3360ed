package io.pipelineevents.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pipelineevents.app.config.Settings;
import io.pipelineevents.app.parking.ParkingChoice;
import io.pipelineevents.app.sqs.SqsClientFactory;
import io.pipelineevents.routes.delivery.ParkedEventsReplay;
import io.pipelineevents.routes.delivery.Realm;
import io.pipelineevents.routes.delivery.RealmSendRoutes;
import io.pipelineevents.routes.parking.ParkedStore;
import io.pipelineevents.routes.parking.ReplayReport;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.sqs.SqsClient;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Send parked events again, to their realm as configured now (fix the cause first: the token,"
                + " the URL, the mapping). Each parked batch is removed once its realm accepted it; one that fails"
                + " again stays parked.",
                "Unprocessable source messages are not replayed; see 'parked list'. Exit 0 when everything offered"
                        + " was delivered, 1 otherwise."})
final class ReplayCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Mixin
    RealmOption realmOption;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // With --realm, only that realm's token is needed: the others may be configured where their tokens are not.
        Optional<String> realm = realmOption.chosen(config.configFile().readWithoutTokens());
        Settings settings = realm.isPresent() ? config.configFile().readWithTokenOf(realm.get())
                : config.configFile().read();
        List<Realm> realms = settings.realms().stream()
                .filter(candidate -> realm.isEmpty() || realm.get().equals(candidate.name())).toList();
        try (SqsClient sqs = SqsClientFactory.create(settings.queue().connection());
                CamelContext camel = new DefaultCamelContext()) {
            ParkedStore store = ParkingChoice.open(settings, sqs);
            camel.addRoutes(new RealmSendRoutes(realms, settings.http(), new SimpleMeterRegistry(),
                    System.out, Clock.systemUTC()));
            camel.start();
            ProducerTemplate producer = camel.createProducerTemplate();
            ReplayReport report = store.replay(realm,
                    new ParkedEventsReplay(realms, producer, new ObjectMapper()));
            spec.commandLine().getOut().printf("replayed %d, failed %d (still parked), skipped %d unprocessable;"
                    + " from %s%n", report.replayed(), report.failed(), report.skipped(), store.describe());
            return report.failed() == 0 ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
