package org.rlmworkbench.runner.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.runner.event.Evaluation;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.event.ValuesComputed;
import org.rlmworkbench.runner.graph.ReasoningGraph;

/** Graph of Thoughts' Controller.output_graph, in the shape of its sorting example. */
class GotImporterTest {

    static final String SORTING = """
        [
          {"operation": "generate", "thoughts": [
              {"original": "[3, 1, 2]", "current": "[1, 2, 3]", "phase": 0, "method": "got"},
              {"original": "[3, 1, 2]", "current": "[1, 3, 2]", "phase": 0, "method": "got"}]},
          {"operation": "score", "thoughts": [
              {"original": "[3, 1, 2]", "current": "[1, 2, 3]", "phase": 0, "method": "got"},
              {"original": "[3, 1, 2]", "current": "[1, 3, 2]", "phase": 0, "method": "got"}],
           "scored": [true, true], "scores": [0, 2]},
          {"operation": "keep_best_n", "thoughts": [
              {"original": "[3, 1, 2]", "current": "[1, 2, 3]", "phase": 0, "method": "got"}],
           "scored": [true], "scores": [0]},
          {"operation": "ground_truth_evaluator", "thoughts": [
              {"original": "[3, 1, 2]", "current": "[1, 2, 3]", "phase": 0, "method": "got"}],
           "scored": [true], "scores": [0], "compared_to_ground_truth": [true], "problem_solved": [true]},
          {"prompt_tokens": 1530, "completion_tokens": 210, "cost": 0.05850}
        ]
        """;

    @Test
    void operationsHoldTheirThoughtsWithScoresVerdictAndCost(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("got.json");
        Files.writeString(f, SORTING);
        ImportResult r = TreeImport.read(f, null);

        assertThat(r.format()).isEqualTo(TreeFormat.GOT);
        ImportedTree t = r.trees().get(0);
        ReasoningGraph g = Fixtures.graph(t.events());
        int thoughts = 2 + 2 + 1 + 1;
        int operations = 4;
        assertThat(g.size()).isEqualTo(1 + operations + thoughts);
        assertThat(g.text(0)).isEqualTo("[3, 1, 2]");
        assertThat(g.children(0)).hasSize(operations);
        assertThat(g.text(g.children(0)[1])).startsWith("score");
        int[] scored = g.children(g.children(0)[1]);
        assertThat(scored).hasSize(2);
        assertThat(g.text(scored[1])).isEqualTo("[1, 3, 2]");
        double scoreOfSecond = t.events().stream().filter(e -> e instanceof ValuesComputed)
                .flatMap(e -> ((ValuesComputed) e).evaluations().stream()).filter(e -> e.node() == scored[1])
                .mapToDouble(Evaluation::value).findFirst().orElseThrow();
        assertThat(scoreOfSecond).isEqualTo(2.0);
        int evaluated = g.children(g.children(0)[3])[0];
        assertThat(g.isSolved(evaluated)).isTrue();
        assertThat(r.solvedByFile()).isEqualTo(1);
        assertThat(r.usage()).isEqualTo(new ImportResult.Usage(1530L, 210L, 0.0585));
        assertThat(Double.isNaN(g.value(g.children(g.children(0)[0])[0]))).as("generate does not score").isTrue();
    }

    @Test
    void anOperationWithoutThoughtsIsRefused(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("got.json");
        Files.writeString(f, SORTING.replace("\"scores\": [0, 2]}", "\"scores\": [0, 2]}, {\"operation\": \"aggregate\"}"));
        assertThatThrownBy(() -> TreeImport.read(f, TreeFormat.GOT)).isInstanceOf(ImportFormatException.class)
                .hasMessageContaining("operation 2").hasMessageContaining("no field 'thoughts'");
    }
}
