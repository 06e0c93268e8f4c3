package org.rlmworkbench.runner.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.event.RunStarted;

/**
 * Reads a JSON Lines trace back into events, checking as it goes that each event fits the run
 * so far (a replay of the graph). Traces of format 1 (before model calls were recorded), 2 and 3 (batched
 * selection with virtual loss) read; a newer format is refused with a message naming its version. Every fault is a {@link TraceFormatException} naming the file,
 * the line and what was expected there.
 */
public final class TraceReader {

    private TraceReader() {
    }

    /**
     * Every event of the trace file, in order; a cut last line is left out (see {@link #load}).
     *
     * @throws TraceFormatException naming the file and line of the first bad line
     */
    public static List<RunEvent> read(Path file) throws IOException {
        return load(file).events();
    }

    /**
     * The events of the trace file and, when its last line is cut (the run was stopped while
     * writing it), a warning naming that line; the events before it are kept.
     *
     * @throws TraceFormatException naming the file and line of the first bad line, or saying that
     *     the file is empty, not UTF-8 text, or not a trace
     */
    public static TraceContents load(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new TraceFormatException(file + ": is a directory, not a trace file");
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such trace file");
        }
        boolean endsWithNewline = endsWithNewline(file);
        List<RunEvent> events = new ArrayList<>();
        GraphReplayer replay = new GraphReplayer(null);
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String warning = null;
        int no = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16)) {
            String line;
            String pending = null;
            int pendingNo = 0;
            while (true) {
                try {
                    line = r.readLine();
                } catch (CharacterCodingException e) {
                    throw new TraceFormatException(file + ", line " + (no + 1)
                            + ": not UTF-8 text (a binary file?); expected one JSON event per line");
                }
                if (line == null) {
                    break;
                }
                no++;
                if (no == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (pending != null) {
                    events.add(parse(file, pendingNo, pending, events.isEmpty(), replay));
                    pending = null;
                }
                if (line.isBlank()) {
                    continue;
                }
                pending = line;
                pendingNo = no;
            }
            if (pending != null) {
                try {
                    events.add(parse(file, pendingNo, pending, events.isEmpty(), replay));
                } catch (TraceFormatException e) {
                    if (endsWithNewline || events.isEmpty()) {
                        throw e;
                    }
                    warning = file + ", line " + pendingNo + " is cut off (the run was stopped while writing it); "
                            + "kept the " + events.size() + " events before it";
                }
            }
        }
        if (events.isEmpty()) {
            throw new TraceFormatException(file + ": is empty; expected a run_started event on line 1");
        }
        return new TraceContents(events, warning);
    }

    private static RunEvent parse(Path file, int no, String line, boolean first, GraphReplayer replay)
            throws TraceFormatException {
        String where = file + ", line " + no + ": ";
        RunEvent e;
        try {
            JsonNode tree = TraceJson.MAPPER.readTree(line);
            if (tree == null || !tree.isObject()) {
                throw new TraceFormatException(where + "expected a JSON object (one event), got "
                        + (tree == null ? "nothing" : tree.getNodeType().name().toLowerCase()));
            }
            if (!tree.path("type").isTextual()) {
                throw new TraceFormatException(where + "expected an event with a \"type\" field");
            }
            e = TraceJson.MAPPER.treeToValue(tree, RunEvent.class);
        } catch (TraceFormatException ex) {
            throw ex;
        } catch (JsonProcessingException ex) {
            throw new TraceFormatException(where + "not a trace event: " + ex.getOriginalMessage());
        } catch (RuntimeException ex) {
            throw new TraceFormatException(where + "not a trace event: " + ex.getMessage());
        }
        if (e instanceof RunStarted rs && (rs.format() < 1 || rs.format() > RunStarted.FORMAT)) {
            throw new TraceFormatException(where + "trace format version " + rs.format() + " is not one this"
                    + " workbench reads (versions 1 to " + RunStarted.FORMAT + ")" + (rs.format() > RunStarted.FORMAT
                    ? "; it was written by a newer workbench" : ""));
        }
        if (first && !(e instanceof RunStarted)) {
            throw new TraceFormatException(where + "expected a run_started event first, got \""
                    + line.replaceAll(".*?\"type\"\\s*:\\s*\"([^\"]*)\".*", "$1") + "\"");
        }
        try {
            replay.onEvent(e);
        } catch (RuntimeException ex) {
            String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            throw new TraceFormatException(where + "event does not fit the run so far: " + msg);
        }
        return e;
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long n = f.length();
            if (n == 0) {
                return true;
            }
            f.seek(n - 1);
            return f.read() == '\n';
        }
    }
}
