package io.pipelineevents.tests.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pipelineevents.mappings.Corpus;
import io.pipelineevents.routes.parking.ParkedItem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Distinct notifications for tests that count events: copies of one corpus sample, each with its own EventBridge
 * {@code id} (so that dedupe keeps them apart) and execution id. The sample maps to exactly one Splunk event, which
 * carries the execution id as its {@code execution_id} property, so every event received names its notification.
 */
public final class Notifications {
    /** Maps to one event, {@code codepipeline.pipeline} with state FAILED. */
    public static final String SAMPLE = "eventbridge-pipeline-failed.json";

    private Notifications() {
    }

    /** The body of the n-th distinct notification of a test run named {@code run}. */
    public static String notification(String run, int n) {
        ObjectNode notification = ((ObjectNode) Corpus.raw(SAMPLE)).deepCopy();
        notification.put("id", "e0000000-0000-4000-8000-" + String.format("%012d", n) + "-" + run);
        ((ObjectNode) notification.get("detail")).put("execution-id", executionId(run, n));
        return notification.toString();
    }

    /** The bodies of notifications 1 to {@code count}. */
    public static List<String> notifications(String run, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> notification(run, n)).toList();
    }

    /** The execution id the n-th notification's event carries. */
    public static String executionId(String run, int n) {
        return run + "-execution-" + n;
    }

    /** The execution ids of notifications 1 to {@code count}. */
    public static List<String> executionIds(String run, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> executionId(run, n)).toList();
    }

    /** The execution ids of events, in order, duplicates kept: compare with {@link #executionIds}. */
    public static List<String> executionIdsOf(Collection<JsonNode> events) {
        return events.stream().map(event -> event.path("properties").path("execution_id").asText()).toList();
    }

    /** The execution ids of the events parked in one item, in order. */
    public static List<String> executionIdsOf(ParkedItem parked) {
        List<JsonNode> events = new ArrayList<>();
        parked.events().orElseThrow(() -> new AssertionError("no events parked in " + parked)).events()
                .forEach(events::add);
        return executionIdsOf(events);
    }
}
