package io.pipelineevents.routes.parking;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.List;

/**
 * Events a realm did not accept and that will not be retried any more: its permanent refusal, or retries that ran
 * out. Everything an operator needs to decide and to replay: which realm, why, the last HTTP status (absent for a
 * transport error), how many requests were made, and the events exactly as they were to be sent.
 *
 * @param sourceMessageIds the ids of the source messages the events came from
 * @param deliveryKeys     the dedupe keys of the notifications the events came from
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParkedEvents(
        String realm,
        String reason,
        Integer lastStatus,
        int attempts,
        Instant parkedAt,
        List<String> sourceMessageIds,
        List<String> deliveryKeys,
        ArrayNode events) {

    public ParkedEvents {
        sourceMessageIds = List.copyOf(sourceMessageIds);
        deliveryKeys = List.copyOf(deliveryKeys);
    }
}
