package io.pipelineevents.tests.crash;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pipelineevents.mappings.Corpus;
import io.pipelineevents.tests.support.TestQueues;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Distinct CodePipeline notifications, as EventBridge delivers them: copies of one corpus sample, each with its own
 * event {@code id} (what dedupe keys on) and its own {@code detail.execution-id} (what the mapping copies into the
 * event's {@code properties.execution_id}, and what {@link RecordingRealm} counts by).
 */
final class NotificationStream {
    private static final String SAMPLE = "eventbridge-pipeline-failed.json";

    private final ObjectNode sample = (ObjectNode) Corpus.raw(SAMPLE);
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> sent = new ArrayList<>();

    /** Sends the next {@code count} notifications to the queue; returns their execution ids. */
    List<String> send(TestQueues queues, String queueUrl, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int number = sent.size() + 1;
            String executionId = "exec-" + run + "-" + number;
            ObjectNode notification = sample.deepCopy();
            notification.put("id", "event-" + run + "-" + number);
            ((ObjectNode) notification.get("detail")).put("execution-id", executionId);
            queues.send(queueUrl, notification.toString());
            sent.add(executionId);
            ids.add(executionId);
        }
        return ids;
    }

    /** Execution ids of every notification sent so far. */
    List<String> sent() {
        return List.copyOf(sent);
    }
}
