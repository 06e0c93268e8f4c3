package org.rlmworkbench.problems.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line of the four generated problems: list, dataset, --difficulty and the word-math refusal. */
class ProblemsCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void listShowsEveryProblemWithItsDescription() {
        Cli.Result r = Cli.run("list", "problems");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("blocksworld  Blocksworld: PlanBench's Blocksworld", "countdown    Countdown: Reach the target",
                "prontoqa     Logic chains (ProntoQA)", "word-math    Arithmetic word problems", "game24");
    }

    @Test
    void datasetPrintsOneJsonObjectPerLineFilteredByDifficulty() throws Exception {
        Cli.Result r = Cli.run("dataset", "--problem", "countdown", "--split", "validation", "--difficulty", "5-6", "--limit", "7");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(7);
        for (String line : lines) {
            JsonNode o = JSON.readTree(line);
            assertThat(o.get("id").asText()).startsWith("countdown-validation-");
            assertThat(o.get("instance").asText()).contains(" -> ");
            assertThat(o.get("gold").asText()).isNotBlank();
            assertThat(o.get("difficulty").asInt()).isBetween(5, 6);
        }
        JsonNode plan = JSON.readTree(Cli.run("dataset", "--problem", "blocksworld", "--difficulty", "4", "--limit", "1").out());
        assertThat(plan.get("gold").asText().lines()).hasSize(4);
        assertThat(plan.get("instance").asText()).startsWith("As initial conditions I have that, ");
    }

    @Test
    void badOptionsExitTwoNamingTheOption() {
        Cli.Result r = Cli.run("dataset", "--problem", "countdown", "--difficulty", "9");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--difficulty 9: no instance of countdown test has that difficulty; they range from 3 to 6");
        assertThat(Cli.run("dataset", "--problem", "countdown", "--split", "dev").err()).contains("--split: unknown split 'dev'");
        assertThat(Cli.run("dataset", "--problem", "nope").err()).contains("unknown problem 'nope'");
    }

    @Test
    void wordMathWithABuiltInSchemeExitsTwoNamingTheGenerateNode() {
        Cli.Result run = Cli.run("run", "--problem", "word-math", "--scheme", "mcts");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("problem 'word-math' has no step enumerator", "scheme 'mcts' has Generate node 'expand'");
        Cli.Result eval = Cli.run("eval", "--problem", "word-math", "--scheme", "beam", "--split", "test", "--limit", "2");
        assertThat(eval.code()).isEqualTo(2);
        assertThat(eval.err()).contains("Generate node 'generate'");
        assertThat(Cli.run("train", "--problem", "word-math", "--out", "target/never").code()).isEqualTo(2);
    }

    @Test
    void runAndEvalTakeADifficulty() throws Exception {
        Cli.Result run = Cli.run("run", "--problem", "blocksworld", "--difficulty", "2", "--budget", "50", "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode o = JSON.readTree(run.out());
        assertThat(o.get("solved").asBoolean()).isTrue();
        assertThat(o.get("best_path")).hasSize(2);
        Cli.Result eval = Cli.run("eval", "--problem", "prontoqa", "--split", "test", "--difficulty", "3", "--budget", "50", "--json");
        assertThat(eval.code()).as(eval.err()).isZero();
        assertThat(JSON.readTree(eval.out()).get("instances").asInt()).isEqualTo(10);
    }
}
