package org.rlmworkbench.runner.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rlmworkbench.runner.event.RunEvent;

/** Reads a JSON Lines trace back into events. */
public final class TraceReader {

    private TraceReader() {
    }

    /**
     * Every event of the trace file, in order.
     *
     * @throws TraceFormatException naming the file and line of the first bad line
     */
    public static List<RunEvent> read(Path file) throws IOException {
        List<RunEvent> events = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    events.add(TraceJson.fromLine(line));
                } catch (JsonProcessingException e) {
                    throw new TraceFormatException(file + ", line " + no + ": not a trace event: "
                            + e.getOriginalMessage());
                }
            }
        }
        return events;
    }
}
