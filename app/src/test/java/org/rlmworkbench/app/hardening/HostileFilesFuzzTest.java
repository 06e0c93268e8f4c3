package org.rlmworkbench.app.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.app.workspace.WorkspaceException;
import org.rlmworkbench.app.workspace.WorkspaceIO;
import org.rlmworkbench.runner.cli.WorkbenchCli;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;

/**
 * Hundreds of mutated scheme, workspace, trace and model-config files, made from the built-in ones
 * with a fixed seed (issue 16). Each is either accepted (it is still a valid file) or refused with
 * exit code 2 (a {@code WorkspaceException} for workspaces, which have no command) and a message
 * naming the file and the node, field or line at fault; never a stack trace, another exit code,
 * or a hang (each file has a time limit). The counts go to {@code target/fuzz-summary.txt}.
 */
class HostileFilesFuzzTest {

    private static final long SEED = 16;
    private static final Duration PER_FILE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one file got. */
    private record Outcome(String kind, String name, boolean accepted, String message) {
    }

    private final List<Outcome> outcomes = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final Random rnd = new Random(SEED);

    @Test
    void everyMutatedFileIsAcceptedOrRefusedByName(@TempDir Path dir) throws Exception {
        Fixtures fx = Fixtures.make(dir.resolve("fixtures"));
        Path work = Files.createDirectories(dir.resolve("mutants"));

        int n = 0;
        for (String scheme : BuiltinSchemes.NAMES) {
            String text = BuiltinSchemes.json(scheme).orElseThrow();
            for (int i = 0; i < 14; i++) {
                Path f = work.resolve("scheme-" + (n++) + ".json");
                Files.write(f, mutate(text, i));
                check("scheme", f, () -> cli("validate", f.toString()));
            }
        }
        for (int i = 0; i < 70; i++) {
            Path f = work.resolve("workspace-" + i + ".rlmw.json");
            Files.write(f, mutate(fx.workspace(), i));
            check("workspace", f, () -> workspace(f));
        }
        for (int i = 0; i < 70; i++) {
            Path f = work.resolve("trace-" + i + ".jsonl");
            Files.write(f, mutateLines(fx.trace(), i));
            check("trace", f, () -> cli("validate", f.toString()));
        }
        for (int i = 0; i < 60; i++) {
            String kind = List.of("value", "policy", "lm").get(i % 3);
            Path models = Files.createDirectories(work.resolve("models-" + i));
            Files.copy(fx.models().resolve(kind + ".params"), models.resolve(kind + ".params"));
            Path f = models.resolve(kind + ".json");
            Files.write(f, mutate(Files.readString(fx.models().resolve(kind + ".json")), i));
            List<String> args = new ArrayList<>(List.of("run", "--budget", "2", "--models", models.toString()));
            if (kind.equals("lm")) {
                args.add("--lm-policy");
            }
            check("model config", f, () -> cli(args.toArray(String[]::new)));
        }

        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            int[] c = counts.computeIfAbsent(o.kind(), k -> new int[2]);
            c[o.accepted() ? 0 : 1]++;
        }
        StringBuilder summary = new StringBuilder("hostile files (seed " + SEED + "): " + outcomes.size() + " tried, "
                + (outcomes.size() - failures.size()) + " handled cleanly, " + failures.size() + " not\n");
        counts.forEach((k, c) -> summary.append(String.format("  %-13s %3d accepted as still valid, %3d refused with"
                + " a message naming the file%n", k, c[0], c[1])));
        failures.forEach(f -> summary.append("  NOT CLEAN: ").append(f).append('\n'));
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("fuzz-summary.txt"), summary);
        }
        System.out.print(summary);
        assertThat(outcomes.size()).isGreaterThanOrEqualTo(300);
        assertThat(outcomes.stream().filter(o -> !o.accepted()).count()).as("most mutants are broken")
                .isGreaterThan(outcomes.size() / 2);
        assertThat(failures).as(summary.toString()).isEmpty();
    }

    // ---------------------------------------------------------------- checking

    /** The exit code and everything printed; for workspaces, 0 or 2 with the exception's message. */
    private record Answer(int code, String text) {
    }

    private interface Attempt {
        Answer run() throws Exception;
    }

    private void check(String kind, Path f, Attempt attempt) {
        Answer a;
        try {
            a = assertTimeoutPreemptively(PER_FILE, attempt::run, kind + " " + f.getFileName());
        } catch (Throwable t) {
            failures.add(kind + " " + f.getFileName() + ": " + t);
            outcomes.add(new Outcome(kind, f.getFileName().toString(), false, String.valueOf(t)));
            return;
        }
        String problem = null;
        if (a.code() == 0) {
            outcomes.add(new Outcome(kind, f.getFileName().toString(), true, a.text()));
            return;
        }
        if (a.code() != WorkbenchCli.INPUT_ERROR) {
            problem = "exit " + a.code();
        } else if (a.text().contains("Exception") || a.text().contains("\tat ") || a.text().contains("Error:")) {
            problem = "a stack trace or an exception's name";
        } else if (!a.text().contains(f.toString())) {
            problem = "the message does not name the file";
        } else if (!namesThePlace(a.text())) {
            problem = "the message names no node, field or line";
        }
        if (problem != null) {
            failures.add(kind + " " + f.getFileName() + ": " + problem + ": " + shorten(a.text()));
        }
        outcomes.add(new Outcome(kind, f.getFileName().toString(), false, a.text()));
    }

    /**
     * A node, field or line; or, for a fault of the whole file, what it is: empty, not text,
     * not JSON of the right kind.
     */
    private static boolean namesThePlace(String message) {
        return message.matches("(?s).*(node '|field |line \\d|column \\d|is empty|not UTF-8 text|holds NUL bytes"
                + "|must hold a JSON object|not a scheme file|not a workspace file|not an RLM Workbench model config"
                + "|expected a JSON object|is a directory).*");
    }

    private static String shorten(String s) {
        String one = s.strip().replace('\n', ' ');
        return one.length() > 300 ? one.substring(0, 300) + "..." : one;
    }

    private static Answer cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WorkbenchCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Answer(code, out + "\n" + err);
    }

    private static Answer workspace(Path f) {
        try {
            WorkspaceIO.read(f);
            return new Answer(0, "");
        } catch (WorkspaceException e) {
            return new Answer(WorkbenchCli.INPUT_ERROR, e.getMessage());
        } catch (Exception e) {
            return new Answer(WorkbenchCli.RUN_FAILURE, e.toString());
        }
    }

    // ---------------------------------------------------------------- mutating

    /** One of many mutations of a JSON document, chosen by the seeded generator and {@code i}. */
    private byte[] mutate(String text, int i) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        switch (i % 7) {
            case 0 -> {
                return Arrays.copyOf(bytes, rnd.nextInt(bytes.length)); // cut short
            }
            case 1 -> {
                for (int k = 0; k < 1 + rnd.nextInt(4); k++) { // flipped bytes, maybe not UTF-8 any more
                    bytes[rnd.nextInt(bytes.length)] = (byte) rnd.nextInt(256);
                }
                return bytes;
            }
            case 2 -> {
                String s = text;
                int at = rnd.nextInt(s.length());
                String junk = List.of("}", "{", "]", ",", "\"", ":", "null", "\u0000", "\uFEFF", "1e999", "-")
                        .get(rnd.nextInt(11));
                return (s.substring(0, at) + junk + s.substring(at)).getBytes(StandardCharsets.UTF_8);
            }
            case 3 -> {
                String tail = List.of("\n}{\"more\":1}", " garbage", "\n[]", "\u0000\u0000").get(rnd.nextInt(4));
                return (text + tail).getBytes(StandardCharsets.UTF_8); // trailing garbage
            }
            default -> {
                return structural(text).getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    /** A value somewhere in the tree replaced by a hostile one, or a field removed. */
    private String structural(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        List<ContainerNode<?>> containers = new ArrayList<>();
        collect(root, containers);
        ContainerNode<?> c = containers.get(rnd.nextInt(containers.size()));
        JsonNode hostile = hostile();
        if (c instanceof ObjectNode o && o.size() > 0) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            String field = names.get(rnd.nextInt(names.size()));
            if (rnd.nextInt(4) == 0) {
                o.remove(field);
            } else {
                o.set(field, hostile);
            }
        } else if (c instanceof ArrayNode a && a.size() > 0) {
            int idx = rnd.nextInt(a.size());
            if (rnd.nextBoolean()) {
                a.remove(idx);
            } else {
                a.set(idx, hostile);
            }
        }
        String out = root.toString();
        // literals Jackson would not write: a number too long for any type
        return out.replace("\"@HUGE@\"", "1" + "0".repeat(400)).replace("\"@HUGEFLOAT@\"", "1e400");
    }

    private JsonNode hostile() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (rnd.nextInt(13)) {
            case 0 -> f.nullNode();
            case 1 -> f.numberNode(-1);
            case 2 -> f.numberNode(0);
            case 3 -> f.numberNode(2_000_000_000);
            case 4 -> f.numberNode(-2_147_483_648L - 1);
            case 5 -> f.textNode("@HUGE@");
            case 6 -> f.textNode("@HUGEFLOAT@");
            case 7 -> f.textNode("");
            case 8 -> f.textNode("x".repeat(10_000));
            case 9 -> f.arrayNode();
            case 10 -> f.objectNode();
            case 11 -> f.booleanNode(true);
            default -> f.numberNode(0.5);
        };
    }

    private static void collect(JsonNode n, List<ContainerNode<?>> out) {
        if (n instanceof ContainerNode<?> c) {
            out.add(c);
            Iterator<JsonNode> it = n.elements();
            while (it.hasNext()) {
                collect(it.next(), out);
            }
        }
    }

    /** A trace mutated as a whole file (cut, flipped) or line by line (shuffled, swapped, dropped, edited). */
    private byte[] mutateLines(String trace, int i) {
        List<String> lines = new ArrayList<>(trace.lines().toList());
        int a = 1 + rnd.nextInt(lines.size() - 1);
        int b = 1 + rnd.nextInt(lines.size() - 1);
        Function<List<String>, byte[]> join = l -> (String.join("\n", l) + "\n").getBytes(StandardCharsets.UTF_8);
        return switch (i % 10) {
            case 0 -> Arrays.copyOf(trace.getBytes(StandardCharsets.UTF_8), rnd.nextInt(trace.length()));
            case 1 -> {
                java.util.Collections.shuffle(lines, rnd);
                yield join.apply(lines);
            }
            case 2 -> {
                java.util.Collections.reverse(lines);
                yield join.apply(lines);
            }
            case 3 -> {
                java.util.Collections.swap(lines, a, b);
                yield join.apply(lines);
            }
            case 4 -> {
                lines.remove(a);
                yield join.apply(lines);
            }
            case 5 -> {
                lines.add(a, lines.get(b));
                yield join.apply(lines);
            }
            case 6 -> {
                lines.set(a, structural(lines.get(a)));
                yield join.apply(lines);
            }
            case 7 -> {
                byte[] bytes = trace.getBytes(StandardCharsets.UTF_8);
                bytes[rnd.nextInt(bytes.length)] = (byte) (0x80 + rnd.nextInt(128));
                yield bytes;
            }
            case 8 -> new byte[0];
            default -> {
                lines.set(a, lines.get(a).substring(0, rnd.nextInt(lines.get(a).length())));
                yield join.apply(lines);
            }
        };
    }
}
