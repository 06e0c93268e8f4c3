package org.rlmworkbench.problems.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.runner.event.NodeAdded;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.event.SolutionFound;
import org.rlmworkbench.runner.importer.ImportResult;
import org.rlmworkbench.runner.importer.TreeImport;
import org.rlmworkbench.runner.trace.TraceReader;

/**
 * Tree-of-Thoughts Game of 24 logs checked by the workbench's own Game of 24 verifier, and
 * training data from a real search of the workbench.
 */
class TreeImportGame24Test {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REAL = Path.of("../runner/core/src/test/resources/org/rlmworkbench/runner/importer/tot/logs/"
            + "game24/gpt-4_0.7_propose1_value3_greedy5_start900_end1000.json");

    @Test
    void theVerifierAgreesWithToTsOwnCheckOnTheRealGpt4Log() throws Exception {
        JsonNode log = JSON.readTree(REAL.toFile());
        ImportResult r = TreeImport.read(REAL, null);
        List<RunEvent> events = r.trees().get(0).events();
        Map<Integer, String> text = new HashMap<>();
        List<String> solvedLast = new ArrayList<>();
        for (RunEvent e : events) {
            if (e instanceof NodeAdded n) {
                text.put(n.id(), n.text());
            } else if (e instanceof SolutionFound s) {
                solvedLast.add(text.get(s.node()));
            }
        }
        List<String> expected = new ArrayList<>();
        JsonNode ys = log.get(0).get("ys");
        for (int k = 0; k < ys.size(); k++) {
            if (log.get(0).get("infos").get(k).get("r").asInt() == 1) {
                String[] lines = ys.get(k).asText().strip().split("\n");
                expected.add(lines[lines.length - 1]);
            }
        }
        assertThat(solvedLast).containsExactlyElementsOf(expected).hasSize(2);
        assertThat(r.solvedByVerifier()).isEqualTo(1);
        assertThat(r.solvedByFile()).isEqualTo(1);

        Cli.Result cli = Cli.run("import", REAL.toString(), "--out", Files.createTempDirectory("tot").toString(), "--json");
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(JSON.readTree(cli.out()).get("solved_by_verifier").asInt()).isEqualTo(1);
    }

    /** Answers with ToT's verdict by its rule: the last line's numbers are the puzzle's and the expression is 24. */
    @Test
    void naiveAnswersAreVerifiedWhenToTsPuzzleTableLiesBesideTheLogs(@TempDir Path repo) throws Exception {
        Path logs = repo.resolve("logs/game24");
        Files.createDirectories(logs);
        Files.createDirectories(repo.resolve("data/24"));
        Files.writeString(repo.resolve("data/24/24.csv"), """
            Rank,Puzzles,AMT (s),Solved rate,1-sigma Mean (s),1-sigma STD (s)
            901,4 5 6 10,10.14,73.60%,10.96,4.44
            """);
        String[][] answers = {
            {"Steps:\\n10 - 4 = 6 (left: 5 6 6)\\nAnswer: (4 * 5) + (10 - 6) = 24", "1"},
            {"Answer: (10 - 4) * 5 - 6 = 24", "1"},
            {"Steps:\\n6 - 4 = 2 (left: 2 5 10)\\nAnswer: (6 - 4) * 5 = 24", "0"},
            {"Answer: (10 - 4) * (6 / 6) = 24", "0"},
            {"Answer: 5 * (10 - 4) = 24", "0"},
            {"Answer: ((10 - 6) * 4) + 5 = 24", "0"},
            {"Answer: 10 * (5 - 6 / 4) ... no", "0"},
            {"There is no solution.", "0"},
        };
        StringBuilder ys = new StringBuilder();
        StringBuilder infos = new StringBuilder();
        for (String[] a : answers) {
            ys.append(ys.isEmpty() ? "" : ", ").append('"').append(a[0]).append('"');
            infos.append(infos.isEmpty() ? "" : ", ").append("{\"r\": ").append(a[1]).append('}');
        }
        Path f = logs.resolve("gpt-4_0.7_naive_standard_sample_8_start900_end901.json");
        Files.writeString(f, "[{\"idx\": 900, \"ys\": [" + ys + "], \"infos\": [" + infos
                + "], \"usage_so_far\": {\"completion_tokens\": 80, \"prompt_tokens\": 600, \"cost\": 0.0228}}]");

        ImportResult r = TreeImport.read(f, null);
        List<RunEvent> events = r.trees().get(0).events();
        List<Integer> solved = events.stream().filter(e -> e instanceof SolutionFound)
                .map(e -> ((SolutionFound) e).node()).toList();
        List<Integer> byFile = new ArrayList<>();
        for (int k = 0; k < answers.length; k++) {
            if (answers[k][1].equals("1")) {
                byFile.add(k + 1);
            }
        }
        assertThat(solved).isEqualTo(byFile).containsExactly(1, 2);
        assertThat(((NodeAdded) events.get(2)).text()).isEqualTo("4 5 6 10");
        assertThat(r.solvedByVerifier()).isEqualTo(1);
    }

    @Test
    void sftFromARealSearchIsItsFirstVerifiedPath(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("run.jsonl");
        assertThat(Cli.run("run", "--scheme", "mcts", "--instance", "4 6 8 2", "--seed", "7", "--budget", "300",
                "--trace", trace.toString()).code()).isZero();
        Path out = dir.resolve("sft.jsonl");
        Cli.Result r = Cli.run("export", trace.toString(), "--as", "sft", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Map<Integer, Integer> parent = new HashMap<>();
        Map<Integer, String> text = new HashMap<>();
        int first = -1;
        for (RunEvent e : TraceReader.read(trace)) {
            if (e instanceof NodeAdded n) {
                parent.put(n.id(), n.parent());
                text.put(n.id(), n.text());
            } else if (e instanceof SolutionFound s && first < 0) {
                first = s.node();
            }
        }
        List<String> steps = new ArrayList<>();
        for (int n = first; parent.get(n) >= 0; n = parent.get(n)) {
            steps.add(0, text.get(n));
        }
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(1);
        JsonNode m = JSON.readTree(lines.get(0)).get("messages");
        assertThat(m.get(0).get("content").asText()).isEqualTo(text.get(0));
        assertThat(m.get(1).get("content").asText()).isEqualTo(String.join("\n", steps)).endsWith("(left: 24)");
        assertThat(steps).hasSize(3);
    }
}
