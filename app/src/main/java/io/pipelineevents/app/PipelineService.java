package io.pipelineevents.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pipelineevents.app.config.ConfigFile;
import io.pipelineevents.app.config.Settings;
import io.pipelineevents.app.config.QueueAccess;
import io.pipelineevents.app.embedded.EmbeddedSqs;
import io.pipelineevents.app.sqs.QueueUrls;
import io.pipelineevents.app.sqs.SqsClientFactory;
import io.pipelineevents.mappings.MappingLoadException;
import io.pipelineevents.mappings.MappingSet;
import io.pipelineevents.routes.acknowledgement.SqsAcknowledgements;
import io.pipelineevents.routes.dedupe.DedupeRepositories;
import io.pipelineevents.routes.dedupe.DedupeSettings;
import io.pipelineevents.routes.dedupe.DedupeStoreUnavailableException;
import io.pipelineevents.routes.delivery.RealmFanOut;
import io.pipelineevents.routes.delivery.RealmSendRoutes;
import io.pipelineevents.app.parking.ParkingChoice;
import io.pipelineevents.app.status.StatusPublisher;
import io.pipelineevents.routes.delivery.Realm;
import io.pipelineevents.routes.parking.DirectoryParkingPlace;
import io.pipelineevents.routes.parking.ParkingPlace;
import io.pipelineevents.routes.envelope.EnvelopeReader;
import io.pipelineevents.routes.source.SqsSource;
import io.pipelineevents.routes.source.RefusedEventsInParkingPlace;
import io.pipelineevents.routes.source.SqsSourceRoute;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.CamelContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The assembled service: embedded queue (when none is configured), SQS client, mappings, routes, all run by
 * camel-main. Everything that can be checked before the first message is checked here, so a bad setting, a bad
 * mapping or a missing queue stops the start instead of failing message after message.
 */
public final class PipelineService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineService.class);

    private final Main main;
    private final SqsClient sqs;
    private final Optional<EmbeddedSqs> embedded;
    private final MeterRegistry meters;

    private final List<AutoCloseable> resources;

    private PipelineService(Main main, SqsClient sqs, Optional<EmbeddedSqs> embedded, MeterRegistry meters,
            List<AutoCloseable> resources) {
        this.resources = resources;
        this.main = main;
        this.sqs = sqs;
        this.embedded = embedded;
        this.meters = meters;
    }

    /** Prepares everything and returns a service that {@link #run()} or {@link #start()} sets going. */
    public static PipelineService create(Settings settings, ConfigFile config, PrintStream console)
            throws MappingLoadException, StartupException {
        MappingSet mappings = settings.mappings().load();
        LOG.info("Mappings: {}", mappings.describe());

        QueueAccess queue = settings.queue();
        Optional<EmbeddedSqs> embedded = queue.embeddedPort().isPresent()
                ? Optional.of(EmbeddedSqs.start(queue.embeddedPort().get())) : Optional.empty();
        SqsClient sqs = SqsClientFactory.create(queue.connection());
        List<AutoCloseable> closeables = new ArrayList<>();
        try {
            SqsSource source = queue.source();
            if (embedded.isPresent()) {
                EmbeddedSqs.createQueues(sqs, source.queue().name(), source.deadLetterQueue().orElseThrow().name());
            }
            String queueUrl = QueueUrls.resolve(sqs, source.queue(), "source");
            if (source.deadLetterQueue().isPresent()) {
                QueueUrls.resolve(sqs, source.deadLetterQueue().get(), "dead-letter");
            }
            embedded.ifPresent(server -> announce(server, queueUrl));
            LOG.info("Reading {} ({} consumer(s), body format {}); unprocessable messages go to {}", queueUrl,
                    source.consumers(), source.bodyFormat().configName(),
                    source.deadLetterQueue().map(Object::toString).orElse("the queue's own redrive policy"));
            settings.realms().forEach(realm -> LOG.info("Realm {}", realm.describe()));

            ObjectMapper json = new ObjectMapper();
            MeterRegistry meters = new SimpleMeterRegistry();
            Duration visibility = QueueUrls.visibilityTimeout(sqs, queueUrl, source.visibilityTimeoutSeconds());
            SqsAsyncClient async = SqsClientFactory.createAsync(queue.connection());
            closeables.add(async);
            SqsAcknowledgements acknowledgements = new SqsAcknowledgements(sqs, async, queueUrl, visibility, meters,
                    Clock.systemUTC());
            // Closed before the async client (in reverse order): deletes under way finish first.
            closeables.add(acknowledgements);
            ParkingPlace parking = ParkingChoice.open(settings, sqs);
            if (parking instanceof DirectoryParkingPlace) {
                WritableDirectory.check(settings.parkingDirectory(), "parking.directory");
            }
            WritableDirectory.check(settings.status().file().toAbsolutePath().getParent(), "status.file");
            LOG.info("Realms park what they cannot deliver in {}", parking.describe());
            DedupeRepositories dedupe = openDedupe(settings.dedupe());
            closeables.add(dedupe);
            RealmFanOut fanOut = new RealmFanOut(settings.realms(), dedupe::forRealm,
                    new RefusedEventsInParkingPlace(parking, json, Clock.systemUTC()), parking, json, meters,
                    Clock.systemUTC());

            Main main = new Main();
            main.setPropertyPlaceholderLocations(config.camelLocations());
            main.bind(SqsSource.CLIENT_BEAN, sqs);
            main.configure().withName("pipeline-events");
            main.addMainListener(new MainListenerSupport() {
                @Override
                public void afterConfigure(BaseMainSupport configured) {
                    try {
                        CamelContext context = configured.getCamelContext();
                        // Started with the context, before its routes, so that realms are ready for the first message.
                        context.addService(new RealmWorkers(fanOut, context));
                        context.addService(new OutcomeSummary(meters));
                        context.addService(new StatusPublisher(meters,
                                settings.realms().stream().map(Realm::name).toList(), queueUrl, settings.status(),
                                Clock.systemUTC()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }

                @Override
                public void beforeStop(BaseMainSupport stopping) {
                    new OrderlyStop(stopping.getCamelContext(), fanOut, acknowledgements, settings.shutdownDeadline())
                            .run();
                    // Here, once reading stopped and unfinished messages were given back: on SIGTERM the JVM may
                    // halt as soon as Camel's shutdown hook is done, before afterStop or close() (where this warning
                    // was never printed).
                    embedded.ifPresent(server -> server.warnOfMessagesLost(sqs));
                }
            });
            main.configure().addRoutesBuilder(new RealmSendRoutes(settings.realms(), settings.http(), meters, console,
                    Clock.systemUTC()));
            main.configure().addRoutesBuilder(new SqsSourceRoute(source, new EnvelopeReader(json, source.bodyFormat()),
                    mappings, fanOut, acknowledgements, meters));
            return new PipelineService(main, sqs, embedded, meters, closeables);
        } catch (RuntimeException | StartupException e) {
            closeQuietly(closeables);
            sqs.close();
            embedded.ifPresent(EmbeddedSqs::close);
            throw e;
        }
    }

    private static void announce(EmbeddedSqs server, String queueUrl) {
        LOG.info("Embedded SQS server listening on {} with queue {}", server.endpoint(), queueUrl);
        LOG.info("Publish notifications from another terminal with:  ./pipeline-events send FILE...");
        LOG.info("  or with the AWS CLI:  aws --endpoint-url {} --region us-east-1 sqs send-message --queue-url {}"
                + " --message-body file://FILE", server.endpoint(), queueUrl);
    }

    /** Runs until the JVM is asked to stop (Ctrl-C, SIGTERM). */
    public void run() throws Exception {
        try {
            main.run();
        } finally {
            close();
        }
    }

    /** Starts without blocking; for tests and embedding. */
    public void start() throws Exception {
        main.start();
    }

    public MeterRegistry meters() {
        return meters;
    }

    /** The running context, for tests that wait on exchanges with NotifyBuilder. */
    public org.apache.camel.CamelContext camelContext() {
        return main.getCamelContext();
    }

    @Override
    public void close() {
        try {
            main.stop();
        } finally {
            closeQuietly(resources);
            sqs.close();
            embedded.ifPresent(EmbeddedSqs::close);
        }
    }

    /** Closes in reverse order of opening, like try-with-resources: a resource may use those opened before it. */
    private static void closeQuietly(List<AutoCloseable> resources) {
        List<AutoCloseable> newestFirst = new ArrayList<>(resources);
        Collections.reverse(newestFirst);
        for (AutoCloseable resource : newestFirst) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Could not close {}: {}", resource, e.getMessage());
            }
        }
    }

    private static DedupeRepositories openDedupe(DedupeSettings settings) throws StartupException {
        try {
            DedupeRepositories dedupe = DedupeRepositories.open(settings);
            LOG.info("Dedupe: {}", settings.describe());
            return dedupe;
        } catch (DedupeStoreUnavailableException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }
}
