package org.rlmworkbench.app.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.rlmworkbench.app.session.RunSetup;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.event.RunStarted;
import org.rlmworkbench.runner.io.AtomicFiles;
import org.rlmworkbench.runner.io.TextFiles;
import org.rlmworkbench.runner.problem.InstanceParseException;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Problems;
import org.rlmworkbench.runner.trace.GraphReplayer;
import org.rlmworkbench.runner.model.ModelChoice;
import org.rlmworkbench.runner.scheme.SchemeError;
import org.rlmworkbench.runner.scheme.SchemeIO;
import org.rlmworkbench.runner.scheme.SchemeLoad;
import org.rlmworkbench.runner.trace.TraceJson;

/**
 * Reads and writes workspace files (JSON): the scheme inline, problem, instance, model choices,
 * seed, budget and the trace as a list of events. Saves are atomic; a broken file gives a
 * {@link WorkspaceException} naming the file and field.
 */
public final class WorkspaceIO {

    /** The value of the {@code format} field that marks a workspace file. */
    public static final String FORMAT = "rlm-workbench-workspace";

    /** The largest workspace file read (a recorded run included). */
    public static final long MAX_FILE_BYTES = 1L << 30;

    private static final ObjectMapper MAPPER = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private WorkspaceIO() {
    }

    public static void write(Workspace ws, Path file) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        RunSetup s = ws.setup();
        root.set("scheme", MAPPER.readTree(SchemeIO.toJson(s.scheme())));
        root.put("problem", s.problem());
        root.put("instance", s.instance());
        ObjectNode models = root.putObject("models");
        models.put("policy", s.models().policy());
        models.put("value", s.models().value());
        models.put("reward", s.models().reward());
        if (!s.models().writer().equals("none")) {
            models.put("writer", s.models().writer());
        }
        if (!s.models().judge().equals("none")) {
            models.put("judge", s.models().judge());
        }
        root.put("seed", s.seed());
        if (s.budget() == null) {
            root.putNull("budget");
        } else {
            root.put("budget", s.budget());
        }
        ArrayNode trace = root.putArray("trace");
        for (RunEvent e : ws.trace()) {
            trace.add(MAPPER.readTree(TraceJson.toLine(e)));
        }
        AtomicFiles.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }

    /**
     * Reads a workspace.
     *
     * @throws WorkspaceException naming the file and the field at fault
     */
    public static Workspace read(Path file) throws IOException {
        String text;
        long maxBytes = Math.min(MAX_FILE_BYTES, Runtime.getRuntime().maxMemory() / 8);
        try {
            text = TextFiles.read(file, "a workspace file", maxBytes);
        } catch (IOException e) {
            throw new WorkspaceException(e.getMessage());
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new WorkspaceException(file + ": malformed JSON" + (loc == null ? "" : " at line "
                    + loc.getLineNr() + ", column " + loc.getColumnNr()) + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new WorkspaceException(file + ": field format: not a workspace file (expected \"format\": \""
                    + FORMAT + "\")");
        }
        if (root.path("version").asInt(-1) != 1) {
            throw new WorkspaceException(file + ": field version: unsupported version " + root.path("version"));
        }
        JsonNode schemeJson = root.get("scheme");
        if (schemeJson == null || !schemeJson.isObject()) {
            throw new WorkspaceException(file + ": field scheme: missing or not an object");
        }
        SchemeLoad load = SchemeIO.parse(file + " (scheme)", schemeJson.toString());
        if (load.scheme() == null) {
            throw new WorkspaceException(file + ": field scheme: " + load.errors().stream()
                    .map(SchemeError::toString).collect(Collectors.joining("; ")));
        }
        String problem = text(root, "problem", file);
        Problem<?> known = Problems.find(problem).orElseThrow(() -> new WorkspaceException(file
                + ": field problem: unknown problem '" + problem + "'; known: "
                + Problems.all().stream().map(Problem::id).toList()));
        String instance = text(root, "instance", file);
        try {
            known.parseInstance(instance);
        } catch (InstanceParseException e) {
            throw new WorkspaceException(file + ": field instance: " + e.getMessage());
        }
        JsonNode m = root.path("models");
        ModelChoice models = new ModelChoice(m.path("policy").asText(ModelChoice.NATIVE.policy()),
                m.path("value").asText(ModelChoice.NATIVE.value()), m.path("reward").asText(ModelChoice.NATIVE.reward()),
                m.path("writer").asText("none"), m.path("judge").asText("none"));
        JsonNode seed = root.get("seed");
        if (seed == null || !seed.isIntegralNumber() || !seed.canConvertToLong()) {
            throw new WorkspaceException(file + ": field seed: must be an integer");
        }
        JsonNode budget = root.get("budget");
        Integer b = null;
        if (budget != null && !budget.isNull()) {
            if (!budget.isInt() || budget.asInt() < 1 || budget.asInt() > 10_000_000) {
                throw new WorkspaceException(file + ": field budget: must be a whole number from 1 to 10000000, got "
                        + (budget.toString().length() > 24 ? budget.toString().substring(0, 12) + "... ("
                        + budget.toString().length() + " characters)" : budget));
            }
            b = budget.asInt();
        }
        List<RunEvent> trace = new ArrayList<>();
        JsonNode t = root.path("trace");
        if (!t.isMissingNode() && !t.isNull() && !t.isArray()) {
            throw new WorkspaceException(file + ": field trace: must be a list of events");
        }
        GraphReplayer replay = new GraphReplayer(null);
        for (int i = 0; i < t.size(); i++) {
            RunEvent e;
            try {
                e = TraceJson.fromLine(t.get(i).toString());
            } catch (JsonProcessingException ex) {
                throw new WorkspaceException(file + ": field trace[" + i + "]: not an event: " + ex.getOriginalMessage());
            } catch (RuntimeException ex) {
                throw new WorkspaceException(file + ": field trace[" + i + "]: not an event: " + ex.getMessage());
            }
            if (e instanceof RunStarted rs && (rs.format() < 1 || rs.format() > RunStarted.FORMAT)) {
                throw new WorkspaceException(file + ": field trace[" + i + "]: trace format version " + rs.format()
                        + " is not one this workbench reads (versions 1 to " + RunStarted.FORMAT + ")");
            }
            if (i == 0 && !(e instanceof RunStarted)) {
                throw new WorkspaceException(file + ": field trace[0]: expected a run_started event first");
            }
            try {
                replay.onEvent(e);
            } catch (RuntimeException ex) {
                throw new WorkspaceException(file + ": field trace[" + i + "]: event does not fit the run so far: "
                        + ex.getMessage());
            }
            trace.add(e);
        }
        return new Workspace(new RunSetup(load.scheme(), problem, instance, models, seed.asLong(), b), trace);
    }

    private static String text(JsonNode root, String field, Path file) throws WorkspaceException {
        JsonNode n = root.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new WorkspaceException(file + ": field " + field + ": missing or not text");
        }
        return n.asText();
    }
}
