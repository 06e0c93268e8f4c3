package org.rlmworkbench.runner.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.runner.cli.WorkbenchCli;
import org.rlmworkbench.runner.event.Evaluation;
import org.rlmworkbench.runner.event.NodeAdded;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.event.SolutionFound;
import org.rlmworkbench.runner.event.ValuesComputed;
import org.rlmworkbench.runner.trace.TraceReader;

/**
 * Training data from a trace, read back and checked against the trace it came from. The trace is
 * ToT's real GPT-4 BFS log imported by the command line; expectations are computed here from the
 * trace's events alone (parents, values, solutions), not from the exporter's graph.
 */
class TrainingDataExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Path trace;
    List<RunEvent> events;
    Map<Integer, Integer> parent = new HashMap<>();
    Map<Integer, String> text = new HashMap<>();
    Map<Integer, Double> value = new HashMap<>();
    List<Integer> solved = new ArrayList<>();

    record Cli(int code, String out, String err) {
    }

    static Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WorkbenchCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(code, out.toString(), err.toString());
    }

    @BeforeEach
    void importTheRealLog() throws Exception {
        Path log;
        try {
            log = Path.of(getClass().getResource(
                    "../importer/tot/logs/game24/gpt-4_0.7_propose1_value3_greedy5_start900_end1000.json").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Cli r = cli("import", log.toString(), "--out", dir.resolve("traces").toString());
        assertThat(r.code()).as(r.err()).isZero();
        trace = dir.resolve("traces").resolve("gpt-4_0.7_propose1_value3_greedy5_start900_end1000-0.jsonl");
        events = TraceReader.read(trace);
        for (RunEvent e : events) {
            if (e instanceof NodeAdded n) {
                parent.put(n.id(), n.parent());
                text.put(n.id(), n.text());
            } else if (e instanceof ValuesComputed v) {
                for (Evaluation ev : v.evaluations()) {
                    value.put(ev.node(), ev.value());
                }
            } else if (e instanceof SolutionFound s) {
                solved.add(s.node());
            }
        }
    }

    private List<String> steps(int node) {
        List<String> out = new ArrayList<>();
        for (int n = node; parent.get(n) >= 0; n = parent.get(n)) {
            out.add(0, text.get(n));
        }
        return out;
    }

    private List<JsonNode> readLines(Path f) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(f)) {
            out.add(JSON.readTree(l));
        }
        return out;
    }

    @Test
    void sftIsTheFirstVerifiedPathAsAChatOrEverySolvedPath() throws Exception {
        Path out = dir.resolve("sft.jsonl");
        Cli r = cli("export", trace.toString(), "--as", "sft", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 sft example from 1 run");
        List<JsonNode> lines = readLines(out);
        assertThat(lines).hasSize(1);
        JsonNode m = lines.get(0).get("messages");
        assertThat(m.get(0).get("role").asText()).isEqualTo("user");
        assertThat(m.get(0).get("content").asText()).isEqualTo(text.get(0)).isEqualTo("4 5 6 10");
        assertThat(m.get(1).get("role").asText()).isEqualTo("assistant");
        assertThat(m.get(1).get("content").asText()).isEqualTo(String.join("\n", steps(solved.get(0))));
        assertThat(m.get(1).get("content").asText()).endsWith("Answer: (4 * 5) + (10 - 6) = 24");

        assertThat(cli("export", trace.toString(), "--as", "sft", "--all-paths", "--out", out.toString()).code()).isZero();
        List<String> contents = readLines(out).stream().map(j -> j.get("messages").get(1).get("content").asText()).toList();
        assertThat(contents).containsExactly(solved.stream().map(s -> String.join("\n", steps(s))).toArray(String[]::new));
        assertThat(contents).hasSize(2);
    }

    @Test
    void prmLabelsEveryStepOfEveryLeafPathBySolutionsBelowIt() throws Exception {
        Path out = dir.resolve("prm.jsonl");
        assertThat(cli("export", trace.toString(), "--as", "prm", "--out", out.toString()).code()).isZero();

        Set<Integer> good = new HashSet<>();
        for (int s : solved) {
            for (int n = s; n >= 0; n = parent.get(n)) {
                good.add(n);
            }
        }
        Set<Integer> parents = new HashSet<>(parent.values());
        Set<String> expected = new LinkedHashSet<>();
        for (int leaf : text.keySet().stream().sorted().toList()) {
            if (leaf == 0 || parents.contains(leaf)) {
                continue;
            }
            List<Integer> path = new ArrayList<>();
            for (int n = leaf; n > 0; n = parent.get(n)) {
                path.add(0, n);
            }
            var ex = JSON.createObjectNode();
            ex.put("prompt", text.get(0));
            path.forEach(n -> ex.withArray("completions").add(text.get(n)));
            path.forEach(n -> ex.withArray("labels").add(good.contains(n)));
            expected.add(ex.toString());
        }
        List<String> written = Files.readAllLines(out);
        assertThat(written).containsExactlyElementsOf(expected);
        assertThat(written).hasSizeGreaterThan(50);
        assertThat(written).anyMatch(l -> l.contains("\"labels\":[true,true,true,true]"));
    }

    @Test
    void preferencePairsAreSiblingsWhoseValuesDifferByMoreThanTheMargin() throws Exception {
        Path out = dir.resolve("pref.jsonl");
        Cli r = cli("export", trace.toString(), "--as", "preference", "--margin", "1.5", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Map<Integer, List<Integer>> children = new HashMap<>();
        text.keySet().stream().sorted().filter(n -> n > 0)
                .forEach(n -> children.computeIfAbsent(parent.get(n), k -> new ArrayList<>()).add(n));
        Set<String> expected = new LinkedHashSet<>();
        for (int p : text.keySet().stream().sorted().toList()) {
            List<Integer> kids = children.getOrDefault(p, List.of());
            for (int i = 0; i < kids.size(); i++) {
                for (int j = i + 1; j < kids.size(); j++) {
                    double a = value.get(kids.get(i));
                    double b = value.get(kids.get(j));
                    if (Math.abs(a - b) > 1.5 && !text.get(kids.get(i)).equals(text.get(kids.get(j)))) {
                        List<String> prompt = new ArrayList<>(List.of(text.get(0)));
                        prompt.addAll(steps(p));
                        var ex = JSON.createObjectNode();
                        ex.put("prompt", String.join("\n", prompt));
                        ex.put("chosen", text.get(a > b ? kids.get(i) : kids.get(j)));
                        ex.put("rejected", text.get(a > b ? kids.get(j) : kids.get(i)));
                        expected.add(ex.toString());
                    }
                }
            }
        }
        assertThat(Files.readAllLines(out)).containsExactlyElementsOf(expected);
        assertThat(expected).hasSizeGreaterThan(20);
        // the Answer line (value 60) beats the rejected continuations (value 0) under its parent
        assertThat(Files.readAllLines(out)).noneMatch(l -> l.contains("\"rejected\":\"Answer:"));
    }

    @Test
    void theSameInputGivesTheSameBytesAndCopiesAreDeduplicated() throws Exception {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        assertThat(cli("export", trace.toString(), "--as", "prm", "--out", a.toString()).code()).isZero();
        Files.copy(trace, dir.resolve("traces").resolve("copy.jsonl"));
        Cli r = cli("export", dir.resolve("traces").toString(), "--as", "prm", "--out", b.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
        int n = Files.readAllLines(a).size();
        assertThat(r.out()).contains(n + " prm examples from 2 runs in 2 trace files (" + n + " duplicates dropped");
    }

    @Test
    void eventsOfKindsFromNewerTracesAreSkippedAndCounted() throws Exception {
        Path newer = dir.resolve("newer.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(trace));
        lines.add(2, "{\"type\":\"event_of_a_later_version\",\"role\":\"writer\",\"tokens\":12}");
        Files.write(newer, lines);
        Path out = dir.resolve("sft.jsonl");
        Cli r = cli("export", newer.toString(), "--as", "sft", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 events of unknown kinds skipped");
        assertThat(Files.readAllLines(out)).hasSize(1);
    }

    @Test
    void badInputsExitWithTwoAndSayWhatIsWrong() throws Exception {
        Cli missing = cli("export", dir.resolve("nope.jsonl").toString(), "--as", "sft", "--out", "x.jsonl");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.jsonl").contains("no such trace");
        Cli format = cli("export", trace.toString(), "--as", "rlhf", "--out", "x.jsonl");
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).contains("rlhf").contains("sft, prm, preference");
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, Files.readString(trace) + "{not json\n");
        Cli broken = cli("export", bad.toString(), "--as", "sft", "--out", dir.resolve("o.jsonl").toString());
        assertThat(broken.code()).isEqualTo(2);
        assertThat(broken.err()).contains("bad.jsonl, line " + (events.size() + 1));
        assertThat(broken.err()).doesNotContain("Exception");
        Cli margin = cli("export", trace.toString(), "--as", "preference", "--margin", "-1", "--out", "x.jsonl");
        assertThat(margin.code()).isEqualTo(2);
        assertThat(margin.err()).contains("margin");
        assertThat(Files.exists(Path.of("x.jsonl"))).isFalse();
    }
}
