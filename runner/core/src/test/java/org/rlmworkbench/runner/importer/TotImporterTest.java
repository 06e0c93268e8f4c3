package org.rlmworkbench.runner.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.runner.event.NodePruned;
import org.rlmworkbench.runner.event.NodeSelected;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.event.SolutionFound;
import org.rlmworkbench.runner.event.TreeImported;
import org.rlmworkbench.runner.event.ValuesComputed;
import org.rlmworkbench.runner.graph.ReasoningGraph;

/** Tree-of-Thoughts logs: a real GPT-4 BFS log and logs the test writes in run.py's shape. */
class TotImporterTest {

    /** Full text of a node as ToT writes it: the step lines down from the root, each ending in a line break. */
    private static String fullText(ReasoningGraph g, int node) {
        StringBuilder b = new StringBuilder();
        int[] path = g.pathTo(node);
        for (int k = 1; k < path.length; k++) {
            b.append(g.text(path[k])).append('\n');
        }
        return b.toString();
    }

    @Test
    void theRealGpt4BfsLogBecomesItsTreeWithValuesSelectionsAndCost() throws Exception {
        Path file = Fixtures.totGpt4Excerpt();
        JsonNode log = Fixtures.read(file);
        ImportResult r = TreeImport.read(file, null);

        assertThat(r.format()).isEqualTo(TreeFormat.TOT);
        assertThat(r.trees()).hasSize(log.size());
        JsonNode puzzle = log.get(0);
        ImportedTree tree = r.trees().get(0);
        ReasoningGraph g = Fixtures.graph(tree.events());

        // every proposal of every step is one node under the root, with the value ToT gave it
        int proposals = 0;
        List<String> expectedTexts = new ArrayList<>();
        List<Double> expectedValues = new ArrayList<>();
        Set<String> selected = new HashSet<>();
        for (JsonNode step : puzzle.get("steps")) {
            proposals += step.get("new_ys").size();
            for (int k = 0; k < step.get("new_ys").size(); k++) {
                expectedTexts.add(step.get("new_ys").get(k).asText());
                expectedValues.add(step.get("values").get(k).asDouble());
            }
            step.get("select_new_ys").forEach(y -> selected.add(step.get("step").asInt() + ":" + y.asText()));
        }
        assertThat(proposals).isEqualTo(12 + 35 + 19 + 14);
        assertThat(g.size()).isEqualTo(1 + proposals).isEqualTo(tree.nodes());
        assertThat(g.text(0)).isEqualTo(puzzle.get("steps").get(0).get("x").asText()).isEqualTo("4 5 6 10");
        java.util.Map<Integer, Double> traced = new java.util.HashMap<>();
        for (RunEvent e : tree.events()) {
            if (e instanceof ValuesComputed v && v.source().startsWith("ToT value prompt, 3 samples")) {
                v.evaluations().forEach(ev -> traced.put(ev.node(), ev.value()));
            }
        }
        assertThat(traced).hasSize(proposals);
        for (int id = 1; id < g.size(); id++) {
            assertThat(fullText(g, id)).isEqualTo(expectedTexts.get(id - 1));
            assertThat(traced.get(id)).isEqualTo(expectedValues.get(id - 1));
        }

        // selections are the select_new_ys entries; everything else at a step is pruned
        Set<String> chosen = new HashSet<>();
        Set<Integer> pruned = new HashSet<>();
        for (RunEvent e : tree.events()) {
            if (e instanceof NodeSelected s) {
                chosen.add((g.depth(s.chosen()) - 1) + ":" + fullText(g, s.chosen()));
            } else if (e instanceof NodePruned p) {
                pruned.add(p.node());
            }
        }
        assertThat(chosen).isEqualTo(selected);
        assertThat(pruned).hasSize(proposals - 4 * 5);

        // ToT's own check: infos r = [1, 1, 0, 0, 0]; cost and tokens as usage_so_far states them
        assertThat(tree.solvedByFile()).isTrue();
        assertThat(r.solvedByFile()).isEqualTo(1);
        assertThat(tree.solvedByVerifier()).as("no Game of 24 on the runner's class path").isNull();
        long solutions = tree.events().stream().filter(e -> e instanceof SolutionFound).count();
        assertThat(solutions).isEqualTo(2);
        JsonNode usage = puzzle.get("usage_so_far");
        assertThat(r.usage().promptTokens()).isEqualTo(usage.get("prompt_tokens").asLong()).isEqualTo(28451);
        assertThat(r.usage().completionTokens()).isEqualTo(usage.get("completion_tokens").asLong());
        assertThat(r.usage().cost()).isEqualTo(usage.get("cost").asDouble());
        TreeImported header = (TreeImported) tree.events().get(1);
        assertThat(header.missing()).anyMatch(m -> m.contains("visit counts"));
        assertThat(tree.label()).isEqualTo("puzzle 900: 4 5 6 10");
    }

    private static String bfsPuzzle(int idx, String x, long completion, long prompt, double cost) {
        return """
            {"steps": [
              {"step": 0, "x": "%1$s", "ys": [""],
               "new_ys": ["a\\n", "b\\n", "a\\n"], "values": [2.0, 1.0, 0],
               "select_new_ys": ["a\\n", "b\\n"]},
              {"step": 1, "x": "%1$s", "ys": ["a\\n", "b\\n"],
               "new_ys": ["a\\nc\\n", "b\\nd\\n", "b\\ne\\n"], "values": [0.5, 3.0, 0.001],
               "select_new_ys": ["b\\nd\\n"]}],
             "idx": %2$d, "ys": ["b\\nd\\n"], "infos": [{"r": 0}],
             "usage_so_far": {"completion_tokens": %3$d, "prompt_tokens": %4$d, "cost": %5$s}}
            """.formatted(x, idx, completion, prompt, Double.toString(cost));
    }

    @Test
    void runningUsageTotalsAreDifferencedPerPuzzleAndSummedToTheLastTotal(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("text").resolve("log.json");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "[" + bfsPuzzle(0, "first", 100, 1000, 0.25) + "," + bfsPuzzle(1, "second", 250, 2600, 0.5)
                + "," + bfsPuzzle(2, "third", 260, 2700, 0.625) + "]");
        ImportResult r = TreeImport.read(f, TreeFormat.TOT);

        assertThat(r.trees()).extracting(ImportedTree::promptTokens).containsExactly(1000L, 1600L, 100L);
        assertThat(r.trees()).extracting(ImportedTree::completionTokens).containsExactly(100L, 150L, 10L);
        assertThat(r.trees()).extracting(ImportedTree::cost).containsExactly(0.25, 0.25, 0.125);
        assertThat(r.usage()).isEqualTo(new ImportResult.Usage(2700L, 260L, 0.625));
        // the duplicate proposal "a" (valued 0) is a node of its own; the selected "a" is the one valued 2
        ReasoningGraph g = Fixtures.graph(r.trees().get(0).events());
        assertThat(g.size()).isEqualTo(1 + 3 + 3);
        assertThat(g.parent(4)).isEqualTo(1);
        assertThat(g.parent(5)).isEqualTo(2);
        assertThat(g.parent(6)).isEqualTo(2);
        assertThat(g.isPruned(3)).isTrue();
        assertThat(g.isPruned(1)).isFalse();
        // a text task records scores, not a verdict
        assertThat(r.solvedByFile()).isNull();
        assertThat(r.solvedByVerifier()).isNull();
    }

    @Test
    void aNaiveLogIsAFanOfSamplesWithTheFilesVerdicts(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("game24").resolve("gpt-4_0.7_naive_cot_sample_3_start900_end901.json");
        Files.createDirectories(f.getParent());
        Files.writeString(f, """
            [{"idx": 900, "ys": ["Steps:\\n10 - 4 = 6 (left: 5 6 6)\\nAnswer: None",
                                  "Steps:\\n4 * 5 = 20 (left: 6 10 20)\\nAnswer: (4 * 5) + (10 - 6) = 24",
                                  "Answer: 24"],
              "infos": [{"r": 0}, {"r": 1}, {"r": 0}],
              "usage_so_far": {"completion_tokens": 69, "prompt_tokens": 21, "cost": 0.0048}}]
            """);
        ImportResult r = TreeImport.read(f, null);
        ImportedTree t = r.trees().get(0);
        ReasoningGraph g = Fixtures.graph(t.events());

        assertThat(g.size()).isEqualTo(4);
        assertThat(g.children(0)).containsExactly(1, 2, 3);
        assertThat(g.isTerminal(2)).isTrue();
        assertThat(g.reward(2)).isEqualTo(1.0);
        assertThat(g.reward(1)).isEqualTo(0.0);
        assertThat(Double.isNaN(g.value(1))).as("naive logs carry no values").isTrue();
        assertThat(g.text(0)).isEqualTo("ToT puzzle index 900");
        assertThat(t.solvedByFile()).isTrue();
        assertThat(((TreeImported) t.events().get(1)).missing()).anyMatch(m -> m.contains("24.csv"));
    }

    @Test
    void brokenLogsAreRefusedNamingPuzzleStepAndField(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "[" + bfsPuzzle(0, "x", 1, 1, 0.1).replace("[2.0, 1.0, 0]", "[2.0, 1.0]") + "]");
        assertThatThrownBy(() -> TreeImport.read(f, null)).isInstanceOf(ImportFormatException.class)
                .hasMessageContaining("puzzle 0.steps[0].values")
                .hasMessageContaining("expected 3 values").hasMessageContaining("found 2");

        Files.writeString(f, "[" + bfsPuzzle(0, "x", 1, 1, 0.1).replace("\"b\\nd\\n\", \"b\\ne\\n\"",
                "\"z\\nd\\n\", \"b\\ne\\n\"") + "]");
        assertThatThrownBy(() -> TreeImport.read(f, TreeFormat.TOT)).isInstanceOf(ImportFormatException.class)
                .hasMessageContaining("steps[1].new_ys[1]").hasMessageContaining("continues none");

        Files.writeString(f, "[" + bfsPuzzle(0, "x", 1, 1, 0.1).replace("\"cost\": 0.1", "\"cost\": \"cheap\"") + "]");
        assertThatThrownBy(() -> TreeImport.read(f, TreeFormat.TOT))
                .hasMessageContaining("usage_so_far.cost").hasMessageContaining("expected a number")
                .hasMessageContaining("cheap");
    }
}
