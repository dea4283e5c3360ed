package io.pipelineevents.benchmarks.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pipelineevents.mappings.Corpus;
import io.pipelineevents.mappings.MappingSet;
import io.pipelineevents.mappings.event.SplunkEvent;
import io.pipelineevents.routes.envelope.BodyFormat;
import io.pipelineevents.routes.envelope.EnvelopeReader;
import io.pipelineevents.routes.envelope.Notification;
import java.util.ArrayList;
import java.util.List;

/**
 * Queue message bodies made from the CodePipeline samples of the corpus, each one a notification of its own: its
 * execution id, EventBridge {@code id} and SNS {@code MessageId} are replaced by a tag {@code b<n>}, so that dedupe
 * skips none of them and the ingest sink can tell from {@code properties.execution_id} which notification an event
 * is, and when it was enqueued. Samples whose event carries no execution id (the manual-approval message, which has
 * none) cannot be told apart at the sink and are left out; which ones is checked, not assumed.
 */
final class TaggedNotifications {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> files = new ArrayList<>();
    private final List<JsonNode> templates = new ArrayList<>();
    private final List<String> left = new ArrayList<>();

    TaggedNotifications(List<String> corpusFiles) throws Exception {
        MappingSet preset = MappingSet.preset("codepipeline");
        EnvelopeReader reader = new EnvelopeReader(JSON, BodyFormat.AUTO);
        for (String file : corpusFiles) {
            JsonNode template = JSON.readTree(Corpus.text(file));
            String probe = tag(template, "b0").toString();
            Notification read = (Notification) reader.read(probe);
            List<SplunkEvent> events = preset.apply(read.payload()).events();
            boolean tracked = events.size() == 1
                    && "b0".equals(String.valueOf(events.get(0).properties().get("execution_id")));
            if (tracked) {
                files.add(file);
                templates.add(template);
            } else {
                left.add(file);
            }
        }
    }

    /** The corpus files in the mix, one template each, used in turn. */
    List<String> files() {
        return files;
    }

    /** Samples left out because their event cannot be traced back to its notification. */
    List<String> leftOut() {
        return left;
    }

    /** The body of notification number {@code n}: template {@code n mod size}, tagged {@code b<n>}. */
    String body(int n) {
        return tag(templates.get(n % templates.size()), tagOf(n)).toString();
    }

    List<String> bodies(int first, int count) {
        List<String> bodies = new ArrayList<>(count);
        for (int n = first; n < first + count; n++) {
            bodies.add(body(n));
        }
        return bodies;
    }

    static String tagOf(int n) {
        return "b" + n;
    }

    /** The notification number in a tag, or -1 when the text is no tag of ours. */
    static int numberOf(String tag) {
        if (tag == null || tag.length() < 2 || tag.charAt(0) != 'b') {
            return -1;
        }
        try {
            return Integer.parseInt(tag, 1, tag.length(), 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static JsonNode tag(JsonNode template, String tag) {
        ObjectNode copy = template.deepCopy();
        if (copy.path("Message").isTextual() && copy.path("MessageId").isTextual()) {
            copy.put("MessageId", tag);
            try {
                copy.put("Message", tag(JSON.readTree(copy.get("Message").textValue()), tag).toString());
            } catch (Exception e) {
                throw new IllegalStateException("an SNS envelope of the corpus holds no JSON message", e);
            }
            return copy;
        }
        if (copy.has("id")) {
            copy.put("id", tag);
        }
        if (copy.path("detail").has("execution-id")) {
            ((ObjectNode) copy.get("detail")).put("execution-id", tag);
        }
        return copy;
    }
}
