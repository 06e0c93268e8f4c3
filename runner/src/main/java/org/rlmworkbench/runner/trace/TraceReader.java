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
import org.rlmworkbench.runner.event.RunStarted;

/** Reads a JSON Lines trace back into events. */
public final class TraceReader {

    private TraceReader() {
    }

    /**
     * Every event of the trace file, in order. Traces of format 1 (before model calls were recorded)
     * and 2 read; a newer format is refused with a message naming its version.
     *
     * @throws TraceFormatException naming the file and line of the first bad line, or the unknown version
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
                RunEvent e;
                try {
                    e = TraceJson.fromLine(line);
                } catch (JsonProcessingException ex) {
                    throw new TraceFormatException(file + ", line " + no + ": not a trace event: "
                            + ex.getOriginalMessage());
                }
                if (e instanceof RunStarted rs && (rs.format() < 1 || rs.format() > RunStarted.FORMAT)) {
                    throw unknown(file, rs.format());
                }
                events.add(e);
            }
        }
        return events;
    }

    private static TraceFormatException unknown(Path file, int format) {
        return new TraceFormatException(file + ": trace format version " + format + " is not one this workbench"
                + " reads (versions 1 to " + RunStarted.FORMAT + ")" + (format > RunStarted.FORMAT
                        ? "; it was written by a newer workbench" : ""));
    }
}
