package org.rlmworkbench.runner.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.event.RunStarted;
import org.rlmworkbench.runner.event.SolutionFound;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.io.AtomicFiles;
import org.rlmworkbench.runner.trace.GraphReplayer;
import org.rlmworkbench.runner.trace.TraceFormatException;
import org.rlmworkbench.runner.trace.TraceJson;

/**
 * Turns recorded runs (the workbench's own or imported) into training data as JSON Lines:
 * supervised chats of verified solution paths, stepwise process labels in TRL's PRM format, and
 * preference pairs of siblings in TRL's DPO format. The prompt of every example is the root's
 * text (the problem as the run stated it), and the steps are the nodes' texts. Output is
 * deterministic (files in name order, nodes in the order they were added) and deduplicated.
 */
public final class TrainingDataExport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrainingDataExport() {
    }

    /** One run's events and graph, rebuilt from its trace. */
    record Run(List<RunEvent> events, ReasoningGraph graph) {
    }

    /**
     * Writes the examples of every run in {@code input} (a trace file, or a folder of {@code *.jsonl}
     * traces) to {@code out}, atomically.
     *
     * @throws IOException naming the file and line of a bad trace, or the output that cannot be written
     */
    public static ExportSummary export(Path input, TrainingFormat format, ExportOptions options, Path out)
            throws IOException {
        List<Path> files = traceFiles(input);
        Set<String> lines = new LinkedHashSet<>();
        int made = 0;
        int runs = 0;
        int[] skipped = {0};
        for (Path f : files) {
            for (Run run : runs(f, skipped)) {
                runs++;
                for (ObjectNode example : examples(run, format, options)) {
                    made++;
                    lines.add(JSON.writeValueAsString(example));
                }
            }
        }
        write(List.copyOf(lines), out);
        return new ExportSummary(format, files.size(), runs, lines.size(), made - lines.size(), skipped[0]);
    }

    /** The examples of one recorded run (the events a window holds) as JSON lines, deduplicated, in order. */
    public static List<String> lines(List<RunEvent> events, TrainingFormat format, ExportOptions options)
            throws IOException {
        Set<String> lines = new LinkedHashSet<>();
        if (!events.isEmpty()) {
            for (ObjectNode example : examples(new Run(events, GraphReplayer.rebuild(events, null)), format, options)) {
                lines.add(JSON.writeValueAsString(example));
            }
        }
        return List.copyOf(lines);
    }

    /** Writes JSON lines to {@code out} atomically. */
    public static void write(List<String> lines, Path out) throws IOException {
        StringBuilder text = new StringBuilder();
        lines.forEach(l -> text.append(l).append('\n'));
        AtomicFiles.writeString(out, text.toString());
    }

    /** The trace files of a file or folder, in name order. */
    static List<Path> traceFiles(Path input) throws IOException {
        if (Files.isDirectory(input)) {
            try (Stream<Path> s = Files.list(input)) {
                List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".jsonl") && Files.isRegularFile(p))
                        .sorted().toList();
                if (files.isEmpty()) {
                    throw new NoSuchFileException(input + ": no *.jsonl traces in this folder");
                }
                return files;
            }
        }
        if (!Files.isRegularFile(input)) {
            throw new NoSuchFileException(input + ": no such trace file or folder");
        }
        return List.of(input);
    }

    /**
     * The runs of one trace file (each starts with RunStarted). Events of kinds this version does not
     * know (from a newer trace format) are skipped and counted, so newer traces still export.
     */
    static List<Run> runs(Path file, int[] skipped) throws IOException {
        List<List<RunEvent>> runs = new ArrayList<>();
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
                } catch (InvalidTypeIdException unknownKind) {
                    skipped[0]++;
                    continue;
                } catch (JsonProcessingException bad) {
                    throw new TraceFormatException(file + ", line " + no + ": not a trace event: "
                            + bad.getOriginalMessage());
                }
                if (e instanceof RunStarted || runs.isEmpty()) {
                    runs.add(new ArrayList<>());
                }
                runs.get(runs.size() - 1).add(e);
            }
        }
        List<Run> out = new ArrayList<>();
        for (List<RunEvent> events : runs) {
            try {
                out.add(new Run(events, GraphReplayer.rebuild(events, null)));
            } catch (RuntimeException broken) {
                throw new TraceFormatException(file + ": the events do not replay to a reasoning graph: "
                        + broken.getMessage());
            }
        }
        return out;
    }

    /** The examples of one run, in a fixed order. */
    static List<ObjectNode> examples(Run run, TrainingFormat format, ExportOptions o) {
        ReasoningGraph g = run.graph();
        if (g.size() == 0) {
            return List.of();
        }
        return switch (format) {
            case SFT -> sft(run, o);
            case PRM -> prm(g, o);
            case PREFERENCE -> preference(g, o);
        };
    }

    private static List<ObjectNode> sft(Run run, ExportOptions o) {
        ReasoningGraph g = run.graph();
        List<ObjectNode> out = new ArrayList<>();
        Set<Integer> done = new LinkedHashSet<>();
        for (RunEvent e : run.events()) {
            if (e instanceof SolutionFound s && s.node() > 0 && s.node() < g.size() && done.add(s.node())) {
                ObjectNode ex = JSON.createObjectNode();
                ArrayNode messages = ex.putArray("messages");
                messages.addObject().put("role", "user").put("content", g.text(g.root()));
                messages.addObject().put("role", "assistant").put("content", String.join("\n", steps(g, s.node())));
                out.add(ex);
                if (!o.allPaths()) {
                    break;
                }
            }
        }
        return out;
    }

    private static List<ObjectNode> prm(ReasoningGraph g, ExportOptions o) {
        boolean[] good = o.label() == ExportOptions.PrmLabel.SOLUTION ? solutionBelow(g) : null;
        List<ObjectNode> out = new ArrayList<>();
        for (int leaf = 1; leaf < g.size(); leaf++) {
            if (g.hasChildren(leaf)) {
                continue;
            }
            int[] path = g.pathTo(leaf);
            ObjectNode ex = JSON.createObjectNode();
            ex.put("prompt", g.text(g.root()));
            ArrayNode completions = ex.putArray("completions");
            ArrayNode labels = ex.putArray("labels");
            for (int k = 1; k < path.length; k++) {
                int n = path[k];
                Boolean label = good != null ? Boolean.valueOf(good[n]) : qLabel(g, n, o.threshold());
                if (label == null) {
                    break; // no number for this step: the path is cut before it
                }
                completions.add(g.text(n));
                labels.add(label);
            }
            if (!completions.isEmpty()) {
                out.add(ex);
            }
        }
        return out;
    }

    /** Whether a verified solution lies at or below each node; children always come after their parents. */
    static boolean[] solutionBelow(ReasoningGraph g) {
        boolean[] good = new boolean[g.size()];
        for (int n = g.size() - 1; n >= 0; n--) {
            good[n] |= g.isSolved(n);
            if (good[n]) {
                for (int p : g.parents(n)) {
                    if (p >= 0) {
                        good[p] = true;
                    }
                }
            }
        }
        return good;
    }

    private static Boolean qLabel(ReasoningGraph g, int n, double threshold) {
        double v = score(g, n);
        return Double.isNaN(v) ? null : v > threshold;
    }

    /** The search's number for a node: Q where it was visited, else its value V; NaN when neither. */
    static double score(ReasoningGraph g, int n) {
        return g.visits(n) > 0 ? g.q(n) : g.value(n);
    }

    private static List<ObjectNode> preference(ReasoningGraph g, ExportOptions o) {
        List<ObjectNode> out = new ArrayList<>();
        for (int p = 0; p < g.size(); p++) {
            int[] kids = g.children(p);
            if (kids.length < 2) {
                continue;
            }
            String prompt = String.join("\n", prefix(g, p));
            for (int i = 0; i < kids.length; i++) {
                for (int j = i + 1; j < kids.length; j++) {
                    double a = score(g, kids[i]);
                    double b = score(g, kids[j]);
                    boolean invalidA = g.isInvalid(kids[i]);
                    boolean invalidB = g.isInvalid(kids[j]);
                    // a step the problem rejected loses to any legal sibling, whatever the numbers
                    boolean byValidity = invalidA != invalidB;
                    if (g.text(kids[i]).equals(g.text(kids[j])) || !byValidity && (Double.isNaN(a) || Double.isNaN(b)
                            || Math.abs(a - b) <= o.margin() || invalidA)) {
                        continue;
                    }
                    boolean firstWins = byValidity ? invalidB : a > b;
                    int chosen = firstWins ? kids[i] : kids[j];
                    int rejected = firstWins ? kids[j] : kids[i];
                    ObjectNode ex = JSON.createObjectNode();
                    ex.put("prompt", prompt);
                    ex.put("chosen", g.text(chosen));
                    ex.put("rejected", g.text(rejected));
                    out.add(ex);
                }
            }
        }
        return out;
    }

    /** The root's text and the steps down to {@code node}. */
    private static List<String> prefix(ReasoningGraph g, int node) {
        List<String> out = new ArrayList<>();
        out.add(g.text(g.root()));
        out.addAll(steps(g, node));
        return out;
    }

    /** The step texts from below the root down to {@code node}. */
    private static List<String> steps(ReasoningGraph g, int node) {
        int[] path = g.pathTo(node);
        List<String> out = new ArrayList<>();
        for (int k = 1; k < path.length; k++) {
            out.add(g.text(path[k]));
        }
        return out;
    }
}
