package io.pipelineevents.benchmarks.mapping;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipelineevents.mappings.MappingOutcome;
import io.pipelineevents.mappings.MappingSet;
import io.pipelineevents.mappings.event.IngestPolicy;
import io.pipelineevents.mappings.event.SplunkEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the service does with one queue message body, from its bytes to the JSON of each event it sends: parse
 * (EnvelopeReader), apply the mappings (MapNotification), admit under the default ingest policy (AdmitForRealm) and
 * write each event once (RealmFanOut). Queues, dedupe and HTTP are left out: they are not the mapping engine.
 */
final class ServicePath {

    private final NotificationReader reader;
    private final MappingSet mappings;
    private final ObjectMapper json;

    ServicePath(MappingSet mappings, ObjectMapper json) {
        this.reader = new NotificationReader(json);
        this.mappings = mappings;
        this.json = json;
    }

    MappingOutcome outcome(byte[] body) throws IOException {
        MappingOutcome outcome = mappings.apply(reader.read(body));
        if (!outcome.refusals().isEmpty()) {
            // The service parks such a notification; none of the mix may be one, or the benchmark measures less.
            throw new IllegalStateException("refused: " + outcome.refusals());
        }
        return outcome;
    }

    /** The JSON of each event sent for this body, in order. */
    List<byte[]> encodedEvents(byte[] body) throws IOException {
        List<SplunkEvent> events = outcome(body).admit(IngestPolicy.SANITIZE).events();
        List<byte[]> encoded = new ArrayList<>(events.size());
        for (SplunkEvent event : events) {
            encoded.add(json.writeValueAsBytes(event));
        }
        return encoded;
    }
}
