package org.rlmworkbench.runner.trace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.event.RunListener;

/**
 * Records a run as JSON Lines, one event per line. Events hold no clock times, so the same
 * scheme, problem, models and seed give the same bytes.
 */
public final class TraceWriter implements RunListener, AutoCloseable {
    private final Writer out;

    public TraceWriter(Writer out) {
        this.out = out instanceof BufferedWriter ? out : new BufferedWriter(out, 1 << 16);
    }

    /** A writer to a file (created or truncated). */
    public static TraceWriter toFile(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        return new TraceWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }

    @Override
    public void onEvent(RunEvent event) {
        try {
            out.write(TraceJson.toLine(event));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trace", e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
