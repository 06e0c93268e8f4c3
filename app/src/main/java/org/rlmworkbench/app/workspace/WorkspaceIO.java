package org.rlmworkbench.app.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.rlmworkbench.app.session.RunSetup;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.io.AtomicFiles;
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

    private static final ObjectMapper MAPPER = new ObjectMapper();

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
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WorkspaceException(file + ": cannot read: " + e.getMessage());
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
        String instance = text(root, "instance", file);
        JsonNode m = root.path("models");
        ModelChoice models = new ModelChoice(m.path("policy").asText(ModelChoice.NATIVE.policy()),
                m.path("value").asText(ModelChoice.NATIVE.value()), m.path("reward").asText(ModelChoice.NATIVE.reward()),
                m.path("writer").asText("none"), m.path("judge").asText("none"));
        JsonNode seed = root.get("seed");
        if (seed == null || !seed.isIntegralNumber()) {
            throw new WorkspaceException(file + ": field seed: must be an integer");
        }
        JsonNode budget = root.get("budget");
        Integer b = null;
        if (budget != null && !budget.isNull()) {
            if (!budget.isInt() || budget.asInt() < 1) {
                throw new WorkspaceException(file + ": field budget: must be a positive integer, got " + budget);
            }
            b = budget.asInt();
        }
        List<RunEvent> trace = new ArrayList<>();
        JsonNode t = root.path("trace");
        for (int i = 0; i < t.size(); i++) {
            try {
                RunEvent e = TraceJson.fromLine(t.get(i).toString());
                if (e instanceof org.rlmworkbench.runner.event.RunStarted rs
                        && (rs.format() < 1 || rs.format() > org.rlmworkbench.runner.event.RunStarted.FORMAT)) {
                    throw new WorkspaceException(file + ": field trace[" + i + "]: trace format version " + rs.format()
                            + " is not one this workbench reads (versions 1 to "
                            + org.rlmworkbench.runner.event.RunStarted.FORMAT + ")");
                }
                trace.add(e);
            } catch (JsonProcessingException e) {
                throw new WorkspaceException(file + ": field trace[" + i + "]: not an event: " + e.getOriginalMessage());
            }
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
