package io.pipelineevents.app.cli;

import io.pipelineevents.app.config.Settings;
import io.pipelineevents.app.parking.ParkingChoice;
import io.pipelineevents.app.sqs.SqsClientFactory;
import io.pipelineevents.routes.parking.ParkedItem;
import io.pipelineevents.routes.parking.ParkedStore;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.sqs.SqsClient;

@Command(name = "parked", mixinStandardHelpOptions = true,
        description = "What realms parked: events they refused or did not accept within their retry policy, and"
                + " source messages that cannot be processed.",
        subcommands = {ParkedCommand.ListCommand.class})
final class ParkedCommand {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"List parked items, oldest first, without removing anything.",
                    "From the dead-letter queue when sqs.dead-letter-queue is set for a real SQS queue, else from"
                            + " parking.directory."})
    static final class ListCommand implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Mixin
        RealmOption realmOption;

        @Option(names = "--reasons", description = "Show each item's whole reason on a line of its own.")
        boolean reasons;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Settings settings = config.configFile().readWithoutTokens();
            Optional<String> realm = realmOption.chosen(settings);
            try (SqsClient sqs = SqsClientFactory.create(settings.queue().connection())) {
                ParkedStore store = ParkingChoice.open(settings, sqs);
                List<ParkedItem> items = store.list(realm);
                print(spec.commandLine().getOut(), store, items, realm);
                return ExitCodes.OK;
            }
        }

        /** The last HTTP status; else why there is none: no request made (refused by policy), or a transport error. */
        private static String status(ParkedItem item) {
            if (item.kind() == ParkedItem.Kind.UNPROCESSABLE_MESSAGE) {
                return "unproc";
            }
            return item.lastStatus().map(String::valueOf).orElse(item.attempts() == 0 ? "policy" : "io");
        }

        private void print(PrintWriter out, ParkedStore store, List<ParkedItem> items, Optional<String> realm) {
            out.println(items.size() + " parked item(s) in " + store.describe()
                    + realm.map(name -> " for realm " + name).orElse(""));
            if (items.isEmpty()) {
                return;
            }
            out.printf("%-24s  %-12s  %-6s  %8s  %6s  %s%n", "PARKED AT", "REALM", "STATUS", "ATTEMPTS", "EVENTS",
                    "ID");
            for (ParkedItem item : items) {
                out.printf("%-24s  %-12s  %-6s  %8s  %6s  %s%n", item.parkedAt().truncatedTo(ChronoUnit.MILLIS),
                        item.realm().orElse("-"),
                        status(item),
                        item.attempts(), item.eventCount(), item.id());
                if (reasons) {
                    out.println("    " + item.reason());
                }
            }
            if (!reasons) {
                out.println("(--reasons shows why each was parked)");
            }
        }
    }
}
