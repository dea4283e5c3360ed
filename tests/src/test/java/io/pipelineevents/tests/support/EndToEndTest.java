package io.pipelineevents.tests.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every end-to-end test of delivery needs: a real SQS server with a fresh source queue, stub realms, and the
 * service started from settings; all of it closed after each test, service first.
 */
public abstract class EndToEndTest {
    @TempDir
    protected Path dir;

    protected TestQueues queues;
    protected String queueUrl;
    protected RunningService service;

    private final Deque<AutoCloseable> realms = new ArrayDeque<>();

    @BeforeEach
    void createQueue() {
        queues = new TestQueues();
        queueUrl = queues.createQueue(getClass().getSimpleName().toLowerCase(Locale.ROOT));
    }

    @AfterEach
    void closeEverything() throws Exception {
        try {
            if (service != null) {
                service.close();
            }
        } finally {
            while (!realms.isEmpty()) {
                realms.pop().close();
            }
            queues.close();
        }
    }

    /** A stub realm named {@code name} with the token {@code <name>-token}, accepting everything until told. */
    protected StubRealm realm(String name) {
        StubRealm realm = new StubRealm(name, name + "-token");
        realms.push(realm);
        return realm;
    }

    /**
     * Settings that read the test's source queue, park in the test's own directory and write the status file there;
     * add realms and policies.
     */
    protected TestSettings settings() {
        return TestSettings.queue(queues, queueUrl)
                .with("parking.directory", dir.resolve("parked").toString())
                .with("status.file", dir.resolve("status.json").toString());
    }

    protected RunningService start(TestSettings settings) throws Exception {
        service = RunningService.start(dir, settings.build());
        return service;
    }

    /** Sends one message to the source queue; returns its SQS message id. */
    protected String send(String body) {
        return queues.send(queueUrl, body);
    }

    /** Sends messages to the source queue, one request each, as fast as possible. */
    protected void sendAll(List<String> bodies) {
        bodies.forEach(this::send);
    }

    /** Visible and in-flight messages on the source queue: 0 once every message was deleted. */
    protected int messagesOnSourceQueue() {
        return queues.messagesOn(queueUrl);
    }

    /**
     * Puts a file where the running service parks ({@code parking.directory}, which start-up checked and left
     * empty), so that parking fails from now on, until the file is removed.
     */
    protected static void blockParking(Path parkingDirectory) throws IOException {
        Files.delete(parkingDirectory);
        Files.writeString(parkingDirectory, "in the way");
    }
}
