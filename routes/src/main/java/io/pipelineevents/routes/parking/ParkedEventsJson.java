package io.pipelineevents.routes.parking;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The stored form of {@link ParkedEvents}, the same in a file and in a dead-letter message: a JSON object with
 * {@code parkedAt} as an ISO-8601 string, so that an operator can read it and other tools can parse it.
 */
public final class ParkedEventsJson {
    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public String write(ParkedEvents parked) {
        try {
            return mapper.writeValueAsString(parked);
        } catch (IOException e) {
            // a record of strings, numbers and a JSON tree always serialises; this would be a bug
            throw new IllegalStateException("cannot write parked events as JSON", e);
        }
    }

    /** Indented, for files an operator opens. */
    public byte[] writeIndented(ParkedEvents parked) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(parked);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write parked events as JSON", e);
        }
    }

    /** @throws IOException if the text is not a complete parked-events record */
    public ParkedEvents read(String json) throws IOException {
        ParkedEvents parked = mapper.readValue(json, ParkedEvents.class);
        if (parked.realm() == null || parked.parkedAt() == null || parked.events() == null) {
            throw new IOException("not a parked-events record: realm, parkedAt or events is missing");
        }
        return parked;
    }
}
