package org.rlmworkbench.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.scheme.SchemeIO;

/** {@code run} and {@code eval} with {@code --writer}: the scripted model, the figures of --json, the errors. */
class WriterOptionsTest {

    record Out(int code, String out, String err) {
    }

    static Out cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WorkbenchCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Out(code, out.toString(), err.toString());
    }

    private static Path scheme(Path dir) throws Exception {
        Scheme s = BuiltinSchemes.load("mcts").withName("mcts-written");
        s = s.withNode(s.node("expand").orElseThrow().withParam("source", "sample").withParam("k", 3));
        s = s.withNode(s.node("evaluate").orElseThrow().withParam("source", "heuristic"));
        Path f = dir.resolve("written.json");
        SchemeIO.write(s, f);
        return f;
    }

    private static Path script(Path dir) throws Exception {
        Path f = dir.resolve("writer.json");
        Files.writeString(f, "{\"responses\":{\"0 3 7\":[\"0 + 3 = 3\",\"0 + 3 = 3\",\"0 + 9 = 9\"],"
                + "\"3 2 7\":[\"3 + 2 = 5\",\"3 + 3 = 6\",\"banana\"],"
                + "\"5 1 7\":[\"5 + 2 = 7\"],\"6 1 7\":[\"6 + 1 = 7\"]}}");
        return f;
    }

    @Test
    void runWithAScriptedWriterSolvesAndReportsModelCallsTokensAndInvalidSteps(@TempDir Path dir) throws Exception {
        Out o = cli("run", "--problem", "sum", "--instance", "7 3", "--scheme", scheme(dir).toString(), "--writer",
                "scripted:" + script(dir), "--budget", "10", "--json", "--no-cache");
        assertThat(o.code()).as(o.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(o.out());
        assertThat(j.get("solved").asBoolean()).isTrue();
        assertThat(j.get("model_calls").asInt()).isBetween(3, 10);
        assertThat(j.get("invalid_steps").asInt()).isEqualTo(2);
        assertThat(j.get("prompt_tokens").asInt()).isPositive();
        assertThat(j.get("completion_tokens").asInt()).isPositive();
        assertThat(j.get("cost").asDouble()).isZero();
    }

    @Test
    void evalJsonAddsTheModelFigures(@TempDir Path dir) throws Exception {
        Path instances = dir.resolve("one.txt");
        Files.writeString(instances, "7 3\n");
        Out o = cli("eval", "--problem", "sum", "--instances", instances.toString(), "--scheme", scheme(dir).toString(),
                "--writer", "scripted:" + script(dir), "--budget", "10", "--json", "--no-cache");
        assertThat(o.code()).as(o.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(o.out());
        assertThat(j.get("solved").asInt()).isEqualTo(1);
        assertThat(j.get("model_calls").asInt()).isPositive();
        assertThat(j.get("invalid_steps").asInt()).isEqualTo(2);
    }

    @Test
    void aSchemeThatNeedsAWriterWithoutOneIsAnInputErrorNamingTheNode(@TempDir Path dir) throws Exception {
        Out o = cli("run", "--problem", "sum", "--instance", "7 3", "--scheme", scheme(dir).toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("node 'expand', field params.source: needs a writer model").contains("--writer");
    }

    @Test
    void badWriterNamesAndFilesAreInputErrors(@TempDir Path dir) throws Exception {
        Out missing = cli("run", "--problem", "sum", "--instance", "7 3", "--scheme", scheme(dir).toString(),
                "--writer", "scripted:" + dir.resolve("gone.json"));
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("--writer").contains("gone.json").contains("does not exist");
        Out lm = cli("run", "--problem", "sum", "--instance", "7 3", "--scheme", scheme(dir).toString(), "--writer", "lm");
        assertThat(lm.code()).isEqualTo(2);
        assertThat(lm.err()).contains("--models DIR");
        Out judge = cli("run", "--problem", "sum", "--instance", "7 3", "--judge", "oracle");
        assertThat(judge.code()).isEqualTo(2);
        assertThat(judge.err()).contains("--judge").contains("unknown judge model 'oracle'");
    }
}
