package org.rlmworkbench.runner.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.runner.cli.WorkbenchCli;
import org.rlmworkbench.runner.trace.TraceReader;

/** {@code workbench import} as a user types it. */
class ImportCommandTest {

    record Cli(int code, String out, String err) {
    }

    static Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WorkbenchCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(code, out.toString(), err.toString());
    }

    @Test
    void jsonReportsTreesNodesVerdictsAndUsageAndTracesAreWritten(@TempDir Path dir) throws Exception {
        Path log = Fixtures.totGpt4Excerpt();
        JsonNode file = Fixtures.read(log);
        Cli r = cli("import", log.toString(), "--out", dir.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = Fixtures.JSON.readTree(r.out());
        int nodes = 1;
        for (JsonNode step : file.get(0).get("steps")) {
            nodes += step.get("new_ys").size();
        }
        assertThat(j.get("format").asText()).isEqualTo("tot");
        assertThat(j.get("trees").asInt()).isEqualTo(1);
        assertThat(j.get("nodes").asInt()).isEqualTo(nodes);
        assertThat(j.get("solved_by_file").asInt()).isEqualTo(1);
        assertThat(j.get("solved_by_verifier").isNull()).isTrue();
        assertThat(j.get("prompt_tokens").asLong()).isEqualTo(file.get(0).get("usage_so_far").get("prompt_tokens").asLong());
        assertThat(j.get("completion_tokens").asLong()).isEqualTo(9161);
        assertThat(j.get("cost").asDouble()).isEqualTo(1.40319);
        Path trace = dir.resolve("gpt-4_0.7_propose1_value3_greedy5_start900_end1000-0.jsonl");
        var events = TraceReader.read(trace);
        assertThat(events.get(0).toString()).contains("Tree-of-Thoughts BFS");
        assertThat(events.stream().filter(e -> e instanceof org.rlmworkbench.runner.event.NodeAdded)).hasSize(nodes);
    }

    @Test
    void aFileOfNoFormatExitsWithTwoSayingWhatWasExpectedAndFound(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("scores.json");
        Files.writeString(f, "[1, 2, 3]");
        Cli r = cli("import", f.toString(), "--out", dir.resolve("out").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("scores.json fits none").contains("Expected one of").contains("tot:")
                .contains("Found a list of 3 whose first element is the number 1").doesNotContain("Exception");
        assertThat(Files.exists(dir.resolve("out"))).isFalse();

        Cli unknown = cli("import", f.toString(), "--format", "dot", "--out", dir.toString());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("'dot'").contains("tot, llm-reasoners, x1, got");
    }

    @Test
    void anUnwritableOutputIsNamed(@TempDir Path dir) throws Exception {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "not a folder");
        Cli r = cli("import", Fixtures.totGpt4Excerpt().toString(), "--out", blocker.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--out").contains(blocker.toString());
    }
}
