package org.rlmworkbench.graphview.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.rlmworkbench.graphview.layout.LayoutKind;
import org.rlmworkbench.runner.trace.TraceContents;
import org.rlmworkbench.runner.trace.TraceReader;

/**
 * The arguments of {@link TraceViewerDemo}, read and checked without a window, with the trace
 * they name: a bad argument or a malformed trace is a one-line message, not a stack trace.
 */
record TraceViewerArgs(Path trace, TraceContents contents, double speed, Path snapshot, LayoutKind kind, double zoom,
                       int topK) {

    static final String USAGE = "usage: TraceViewerDemo trace.jsonl [speed|max] [--layout KIND] [--top-k K]"
            + " [--snapshot out.png [--zoom SCALE]]";

    /**
     * Reads the arguments and the trace.
     *
     * @throws IllegalArgumentException naming the argument at fault
     * @throws IOException naming the trace file, and the line where it is malformed
     */
    static TraceViewerArgs parse(List<String> args) throws IOException {
        if (args.isEmpty()) {
            throw new IllegalArgumentException(USAGE);
        }
        double speed = 1;
        Path snapshot = null;
        LayoutKind kind = LayoutKind.TREE;
        double zoom = Double.NaN;
        int topK = 0;
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            boolean hasValue = i + 1 < args.size();
            try {
                if (a.equals("--snapshot") && hasValue) {
                    snapshot = Path.of(args.get(++i));
                } else if (a.equals("--layout") && hasValue) {
                    kind = LayoutKind.valueOf(args.get(++i).toUpperCase(Locale.ROOT));
                } else if (a.equals("--zoom") && hasValue) {
                    zoom = positive("--zoom", Double.parseDouble(args.get(++i)));
                } else if (a.equals("--top-k") && hasValue) {
                    topK = Integer.parseInt(args.get(++i));
                    if (topK < 0) {
                        throw new IllegalArgumentException("--top-k must be 0 or more, got " + topK);
                    }
                } else if (a.equals("max")) {
                    speed = Double.POSITIVE_INFINITY;
                } else {
                    speed = positive("speed", Double.parseDouble(a));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + args.get(i) + "' is not a number (" + a + "); " + USAGE);
            } catch (IllegalArgumentException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("No enum constant")) {
                    throw new IllegalArgumentException("--layout: unknown layout '" + args.get(i) + "'; known: "
                            + List.of(LayoutKind.values()).toString().toLowerCase(Locale.ROOT));
                }
                throw e;
            }
        }
        Path trace = Path.of(args.get(0));
        TraceContents contents;
        try {
            contents = TraceReader.load(trace);
        } catch (NoSuchFileException e) {
            throw new IOException(trace + ": no such trace file");
        }
        return new TraceViewerArgs(trace, contents, speed, snapshot, kind, zoom, topK);
    }

    private static double positive(String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be a positive number, got " + v);
        }
        return v;
    }

    /** Parses and reports: the arguments, or null after printing what is wrong to {@code err}. */
    static TraceViewerArgs parseOrReport(List<String> args, PrintStream err) {
        try {
            TraceViewerArgs a = parse(args);
            if (a.contents().warning() != null) {
                err.println("warning: " + a.contents().warning());
            }
            return a;
        } catch (IOException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return null;
        }
    }
}
