package io.pipelineevents.mappings.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A path into the notification such as {@code detail.execution-result.external-execution-url},
 * {@code resources[0]} or {@code detail['my.key']}.
 *
 * <p>Walks the untyped JSON tree, so fields added to a format later are reachable without code changes.
 */
public record JsonPath(List<Segment> segments) {

    public sealed interface Segment permits Key, Index {
    }

    public record Key(String name) implements Segment {

        public Key {
            // Jackson interns the field names of the trees it parses; an interned name here lets each lookup
            // compare references instead of characters.
            name = name.intern();
        }
    }

    public record Index(int position) implements Segment {
    }

    public JsonPath {
        segments = List.copyOf(segments);
    }

    /** The node at this path, or a missing node when any step does not exist. */
    public JsonNode resolve(JsonNode root) {
        JsonNode node = root;
        // Indexed: this runs for every value of every event, and the iterator was not always optimised away.
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            node = segment instanceof Key key ? node.path(key.name()) : node.path(((Index) segment).position());
        }
        return node;
    }
}
