package io.pipelineevents.routes.parking;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.List;

/** Parked events as the delivery routes would park them. */
final class ParkedExamples {
    static final Instant EARLIER = Instant.parse("2026-12-03T18:45:12.123456Z");
    static final Instant LATER = Instant.parse("2026-12-03T19:02:00Z");

    private ParkedExamples() {
    }

    static ParkedEvents refused(String realm, String reason) {
        return parked(realm, reason, 400, 1, EARLIER);
    }

    static ParkedEvents parked(String realm, String reason, Integer lastStatus, int attempts, Instant parkedAt) {
        ArrayNode events = JsonNodeFactory.instance.arrayNode();
        events.addObject().put("eventType", "CodePipeline stage FAILED").put("category", "USER_DEFINED")
                .put("timestamp", 1_764_787_512_000L)
                .putObject("dimensions").put("pipeline", "deploy-web").put("stage", "Prod");
        events.addObject().put("eventType", "CodePipeline pipeline FAILED").put("category", "USER_DEFINED")
                .put("timestamp", 1_764_787_513_000L)
                .putObject("dimensions").put("pipeline", "deploy-web");
        return new ParkedEvents(realm, reason, lastStatus, attempts, parkedAt, List.of("source-message-1"),
                List.of("sns:4f1c-delivery-key"), events);
    }
}
