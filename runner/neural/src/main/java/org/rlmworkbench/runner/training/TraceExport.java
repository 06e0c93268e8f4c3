package org.rlmworkbench.runner.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.rlmworkbench.runner.io.AtomicFiles;

/**
 * Writes searched instances as JSON Lines, one {@link SearchRecord} per line with snake_case
 * keys, for outside trainers; the format is described in docs/neural.md.
 */
public final class TraceExport {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private TraceExport() {
    }

    /** One record as one line of JSON. */
    public static String line(SearchRecord r) {
        try {
            return JSON.writeValueAsString(r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code records} to {@code file} atomically. */
    public static void write(Path file, List<SearchRecord> records) throws IOException {
        StringWriter out = new StringWriter();
        for (SearchRecord r : records) {
            out.write(line(r));
            out.write('\n');
        }
        AtomicFiles.writeString(file, out.toString());
    }

    /** Reads a file written by {@link #write}. */
    public static List<SearchRecord> read(Path file) throws IOException {
        try (var lines = java.nio.file.Files.lines(file)) {
            return lines.filter(l -> !l.isBlank()).map(l -> {
                try {
                    return JSON.readValue(l, SearchRecord.class);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
