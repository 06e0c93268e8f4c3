package org.rlmworkbench.runner.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.rlmworkbench.runner.event.RunEvent;

/** The JSON form of events: one object per line, its {@code type} naming the event. */
public final class TraceJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private TraceJson() {
    }

    /** One event as a single line of JSON (no line break). */
    public static String toLine(RunEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + event, e);
        }
    }

    /**
     * Reads one line.
     *
     * @throws JsonProcessingException when it is not an event
     */
    public static RunEvent fromLine(String line) throws JsonProcessingException {
        return MAPPER.readValue(line, RunEvent.class);
    }
}
