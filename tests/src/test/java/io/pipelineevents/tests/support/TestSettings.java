package io.pipelineevents.tests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the settings a test starts the service with: a queue on the test SQS server and stub realms. */
public final class TestSettings {
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final List<String> realms = new ArrayList<>();

    private TestSettings() {
    }

    public static TestSettings queue(TestQueues queues, String queueUrl) {
        TestSettings test = new TestSettings();
        test.settings.put("sqs.queue", queueUrl);
        test.settings.put("sqs.endpoint", queues.endpoint());
        test.settings.put("sqs.region", TestQueues.REGION);
        test.settings.put("sqs.access-key", TestQueues.ACCESS_KEY);
        test.settings.put("sqs.secret-key", TestQueues.ACCESS_KEY);
        // Short polls keep shutdown quick; they change nothing else.
        test.settings.put("sqs.wait-time-seconds", "1");
        test.settings.put("parking.directory", temporaryDirectory().toString());
        test.settings.put("status.file", temporaryDirectory().resolve("status.json").toString());
        return test;
    }

    private static Path temporaryDirectory() {
        try {
            Path dir = Files.createTempDirectory("pipeline-events-parked");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where realms park events in this test (without a dead-letter queue). */
    public Path parkingDirectory() {
        return Path.of(settings.get("parking.directory"));
    }

    public TestSettings deadLetterQueue(String url) {
        return with("sqs.dead-letter-queue", url);
    }

    public TestSettings realm(StubRealm realm) {
        return realm(realm.name(), realm.url(), realm.token());
    }

    /** A realm at any URL, e.g. one where nothing listens. */
    public TestSettings realm(String name, String url, String token) {
        realms.add(name);
        settings.put("realm." + name + ".url", url);
        settings.put("realm." + name + ".token", token);
        return this;
    }

    public TestSettings consoleRealm() {
        realms.add("console");
        return this;
    }

    public TestSettings with(String key, String value) {
        settings.put(key, value);
        return this;
    }

    public Map<String, String> build() {
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.put("realms", String.join(",", realms));
        return all;
    }
}
