package org.rlmworkbench.problems.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.runner.trace.TraceReader;

/** The headless command line as a user types it, with its exit codes and outputs. */
class CliTest {


    @Test
    void runJsonReportsTheSearch() throws Exception {
        Cli.Result r = Cli.run("run", "--scheme", "mcts", "--problem", "game24", "--instance", "4 6 8 2", "--seed", "7",
                "--budget", "500", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("solved").asBoolean()).isTrue();
        assertThat(j.get("answer").asText()).isEqualTo("24");
        assertThat(j.get("iterations").asInt()).isBetween(1, 500);
        assertThat(j.get("nodes").asInt()).isGreaterThan(j.get("iterations").asInt());
        assertThat(j.get("events").asInt()).isGreaterThan(j.get("nodes").asInt());
        assertThat(j.get("seconds").asDouble()).isPositive();
        assertThat(j.get("best_path")).hasSize(3);
        assertThat(j.get("best_path").get(2).asText()).contains("= 24 (left: 24)");
    }

    @Test
    void theSameRunTwiceWritesTheSameTraceBytes(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        assertThat(Cli.run("run", "--scheme", "mcts-uct", "--instance", "4 9 10 13", "--seed", "7", "--budget", "300",
                "--trace", a.toString()).code()).isZero();
        assertThat(Cli.run("run", "--scheme", "mcts-uct", "--instance", "4 9 10 13", "--seed", "7", "--budget", "300",
                "--trace", b.toString()).code()).isZero();
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(TraceReader.read(a).size()).isGreaterThan(300);
    }

    @Test
    void aSchemeFileByPathRuns(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("my.json");
        Files.writeString(f, org.rlmworkbench.runner.scheme.BuiltinSchemes.json("dfs").orElseThrow());
        assertThat(Cli.run("run", "--scheme", f.toString(), "--instance", "1 2 3 4").code()).isZero();
    }

    @Test
    void inputErrorsExitWithTwoAndNameTheCulprit(@TempDir Path dir) throws Exception {
        Cli.Result badInstance = Cli.run("run", "--instance", "4 6 8 99");
        assertThat(badInstance.code()).isEqualTo(2);
        assertThat(badInstance.err()).contains("99");

        Cli.Result unknownScheme = Cli.run("run", "--scheme", "quantum");
        assertThat(unknownScheme.code()).isEqualTo(2);
        assertThat(unknownScheme.err()).contains("quantum").contains("mcts");

        Cli.Result unknownProblem = Cli.run("run", "--problem", "chess");
        assertThat(unknownProblem.code()).isEqualTo(2);
        assertThat(unknownProblem.err()).contains("chess").contains("game24");

        Cli.Result usage = Cli.run("run", "--seed", "seven");
        assertThat(usage.code()).isEqualTo(2);

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, org.rlmworkbench.runner.scheme.BuiltinSchemes.json("mcts").orElseThrow()
                .replace("\"c\" : 1.25", "\"c\" : 500"));
        Cli.Result runBroken = Cli.run("run", "--scheme", broken.toString());
        assertThat(runBroken.code()).isEqualTo(2);
        assertThat(runBroken.err()).contains("node 'select', field params.c");
    }

    @Test
    void validatePrintsEveryErrorWithFileNodeAndField(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.json");
        Files.writeString(good, org.rlmworkbench.runner.scheme.BuiltinSchemes.json("beam").orElseThrow());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(good).replace("\"Prune\"", "\"Prunex\"").replace("\"b\" : 5",
                "\"b\" : 0"));
        Cli.Result ok = Cli.run("validate", good.toString());
        assertThat(ok.code()).isZero();
        assertThat(ok.out()).contains("good.json: ok");
        Cli.Result r = Cli.run("validate", good.toString(), bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains(bad + ": error: node 'prune', field type: unknown operator 'Prunex'");
        Path malformed = dir.resolve("m.json");
        Files.writeString(malformed, "{\n  \"format\": ");
        Cli.Result m = Cli.run("validate", malformed.toString());
        assertThat(m.code()).isEqualTo(2);
        assertThat(m.out()).contains("m.json: error: malformed JSON at line 2");
    }

    @Test
    void evalOverAnInstancesFileReportsTheRates(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("puzzles.txt");
        Files.writeString(f, "4 6 8 2\n# a comment\n1 1 1 1\n\n4 9 10 13\n");
        Cli.Result r = Cli.run("eval", "--scheme", "dfs", "--problem", "game24", "--instances", f.toString(), "--budget",
                "1000", "--seed", "7", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("instances").asInt()).isEqualTo(3);
        // 1 1 1 1 cannot make 24; the others can and DFS with the process reward finds them
        assertThat(j.get("solved").asInt()).isEqualTo(2);
        assertThat(j.get("solve_rate").asDouble()).isEqualTo(2 / 3.0);
        assertThat(j.get("median_nodes").asDouble()).isPositive();
        assertThat(j.get("mean_seconds").asDouble()).isPositive();

        Files.writeString(f, "4 6 8 2\n4 six 8 2\n");
        Cli.Result bad = Cli.run("eval", "--instances", f.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("instance 2").contains("six");
    }

    @Test
    void evalOnASplit() throws Exception {
        Cli.Result r = Cli.run("eval", "--scheme", "tot-bfs", "--split", "test", "--limit", "5", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).get("instances").asInt()).isEqualTo(5);
        assertThat(Cli.run("eval", "--split", "holdout").code()).isEqualTo(2);
    }

    @Test
    void listAndBench() throws Exception {
        assertThat(Cli.run("list", "problems").out()).contains("game24");
        assertThat(Cli.run("list", "schemes").out()).contains("self-consistency");
        assertThat(Cli.run("list", "operators").out()).contains("Backpropagate").contains("visit_weighted");
        Cli.Result b = Cli.run("bench", "engine", "--problem", "game24", "--seconds", "0.5", "--nodes", "20000");
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(b.out()).containsPattern("= \\d+ simulations/s").containsPattern("\\d+\\.\\d bytes per node");
    }
}
