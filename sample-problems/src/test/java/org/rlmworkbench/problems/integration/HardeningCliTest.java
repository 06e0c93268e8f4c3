package org.rlmworkbench.problems.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.runner.cli.WorkbenchCli;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;
import org.rlmworkbench.runner.trace.TraceReader;
import org.rlmworkbench.runner.trace.TraceWriter;

/**
 * The command line as a careless or hostile user drives it (issue 16): hopeless budgets, traces
 * over files that matter, concurrent writers, bad numbers, empty and binary inputs. Every case
 * ends, with exit 2 and a message naming the file or option where the input is at fault.
 */
class HardeningCliTest {

    private static final int INPUT = WorkbenchCli.INPUT_ERROR;

    private static Cli.Result cli(String... args) {
        return assertTimeoutPreemptively(Duration.ofSeconds(120), () -> Cli.run(args), String.join(" ", args));
    }

    private static void noStackTrace(Cli.Result r) {
        assertThat(r.err()).doesNotContain("Exception", "\tat ", "Error:");
    }

    // 1. a hopeless run ends: the tree of "1 1 1 1" is exhausted long before the budget

    @Test
    void aSearchWhoseTreeIsExhaustedStopsAndSaysSo() {
        Cli.Result r = cli("run", "--scheme", "mcts-uct", "--instance", "1 1 1 1", "--budget", "10000000", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"reason\":\"exhausted\"", "\"solved\":false");
        assertThat(r.err()).contains("warning: loop 'loop' stopped after", "the search tree is exhausted");
        int iterations = Integer.parseInt(r.out().replaceAll("(?s).*\"iterations\":(\\d+).*", "$1"));
        assertThat(iterations).isLessThan(5_000);
    }

    @Test
    void aTraceStopsAtItsSizeLimitWithTheLinesSoFarKept(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("big.jsonl");
        Cli.Result r = cli("run", "--scheme", "best-of-n", "--instance", "4 6 8 2", "--budget", "10000000",
                "--trace", trace.toString(), "--trace-limit-mb", "1");
        assertThat(r.code()).isEqualTo(WorkbenchCli.RUN_FAILURE);
        assertThat(r.err()).contains("trace " + trace, "reached its size limit of 1 MiB", "--trace-limit-mb");
        noStackTrace(r);
        assertThat(Files.size(trace)).isPositive().isLessThanOrEqualTo(1L << 20);
        assertThat(TraceReader.load(trace).warning()).isNull();
        assertThat(TraceReader.read(trace).size()).isGreaterThan(1000);
    }

    // 2. a failed run never touches an existing trace, and a trace never overwrites the scheme

    @Test
    void aFailedRunLeavesAnExistingTraceAsItWas(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("keep.jsonl");
        assertThat(cli("run", "--instance", "4 6 8 2", "--budget", "50", "--trace", trace.toString()).code()).isZero();
        byte[] before = Files.readAllBytes(trace);
        Cli.Result bad = cli("run", "--instance", "1 2 3", "--trace", trace.toString());
        assertThat(bad.code()).isEqualTo(INPUT);
        assertThat(Files.readAllBytes(trace)).isEqualTo(before);
        Cli.Result badScheme = cli("run", "--scheme", "quantum", "--trace", trace.toString());
        assertThat(badScheme.code()).isEqualTo(INPUT);
        assertThat(Files.readAllBytes(trace)).isEqualTo(before);
    }

    @Test
    void aTraceNamingTheSchemeFileOrAnotherFileIsRefused(@TempDir Path dir) throws Exception {
        Path scheme = dir.resolve("mine.json");
        String json = BuiltinSchemes.json("mcts").orElseThrow();
        Files.writeString(scheme, json);
        Cli.Result r = cli("run", "--scheme", scheme.toString(), "--trace", scheme.toString());
        assertThat(r.code()).isEqualTo(INPUT);
        assertThat(r.err()).contains(scheme.toString(), "is the --scheme file");
        assertThat(Files.readString(scheme)).isEqualTo(json);

        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "my notes\n");
        Cli.Result r2 = cli("run", "--budget", "5", "--trace", notes.toString());
        assertThat(r2.code()).isEqualTo(INPUT);
        assertThat(r2.err()).contains(notes.toString(), "is not a trace");
        assertThat(Files.readString(notes)).isEqualTo("my notes\n");
    }

    // 3. a second writer of the same trace is refused

    @Test
    void aSecondRunWritingTheSameTraceIsRefused(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("shared.jsonl");
        try (TraceWriter first = TraceWriter.toFile(trace)) {
            Cli.Result second = cli("run", "--budget", "20", "--trace", trace.toString());
            assertThat(second.code()).isEqualTo(INPUT);
            assertThat(second.err()).contains(trace.toString(), "another run is writing this trace");
        }
        // the first writer, closed, committed its (empty) trace; a later run may write it again
        assertThat(cli("run", "--budget", "20", "--trace", trace.toString()).code()).isZero();
        assertThat(TraceReader.read(trace)).isNotEmpty();
    }

    // 9. numbers are range-checked, and JSON never gets Infinity

    @Test
    void numbersOutOfRangeAreInputErrorsNamingTheOption() {
        for (String b : List.of("-5", "0", "2000000000")) {
            Cli.Result r = cli("run", "--budget", b);
            assertThat(r.code()).as(b).isEqualTo(INPUT);
            assertThat(r.err()).contains("--budget must be between 1 and 10,000,000");
        }
        Cli.Result limit = cli("eval", "--split", "test", "--limit", "-1");
        assertThat(limit.code()).isEqualTo(INPUT);
        assertThat(limit.err()).contains("--limit must be between 1");
        noStackTrace(limit);
        Cli.Result seconds = cli("bench", "engine", "--seconds", "-1", "--nodes", "-5");
        assertThat(seconds.code()).isEqualTo(INPUT);
        assertThat(seconds.err()).contains("--seconds");
        Cli.Result nodes = cli("bench", "engine", "--seconds", "1", "--nodes", "-5");
        assertThat(nodes.code()).isEqualTo(INPUT);
        assertThat(nodes.err()).contains("--nodes must be between 1");
        for (String[] t : List.of(new String[] {"--validation", "-1"}, new String[] {"--lm-epochs", "0"},
                new String[] {"--lm-epochs", "-3"}, new String[] {"--phases", "0"})) {
            Cli.Result r = cli("train", "--out", "/tmp/never-written", t[0], t[1]);
            assertThat(r.code()).as(t[0] + " " + t[1]).isEqualTo(INPUT);
            assertThat(r.err()).contains(t[0] + " must be between 1");
        }
        assertThat(Path.of("/tmp/never-written")).doesNotExist();
    }

    // 10. eval over no instances is an input error

    @Test
    void evalOverNoInstancesIsAnInputError(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        Path comments = Files.writeString(dir.resolve("comments.txt"), "# none yet\n\n   \n# still none\n");
        for (Path f : List.of(empty, comments, Path.of("/dev/null"))) {
            Cli.Result r = cli("eval", "--instances", f.toString(), "--budget", "10");
            assertThat(r.code()).as(f.toString()).isEqualTo(INPUT);
            assertThat(r.err()).contains(f.toString(), "holds no instances");
        }
        Cli.Result zero = cli("eval", "--split", "test", "--limit", "0");
        assertThat(zero.code()).isEqualTo(INPUT);
        assertThat(zero.err()).contains("--limit must be between 1");
    }

    // 11. file errors exit 2 naming the file and what is wrong with it

    @Test
    void fileErrorsNameTheFileAndWhatIsWrong(@TempDir Path dir) throws Exception {
        Cli.Result d = cli("eval", "--instances", dir.toString());
        assertThat(d.code()).isEqualTo(INPUT);
        assertThat(d.err()).contains(dir.toString(), "is a directory");
        Path binary = dir.resolve("binary.bin");
        Files.write(binary, new byte[] {(byte) 0xC3, 0x28, 0x00, (byte) 0xFF, 0x7F, 0x45, 0x4C, 0x46});
        Cli.Result b = cli("eval", "--instances", binary.toString());
        assertThat(b.code()).isEqualTo(INPUT);
        assertThat(b.err()).contains(binary.toString(), "not UTF-8 text");
        Cli.Result s = cli("run", "--scheme", binary.toString());
        assertThat(s.code()).isEqualTo(INPUT);
        assertThat(s.err()).contains(binary.toString(), "not UTF-8 text");
        Path aFile = Files.writeString(dir.resolve("README.md"), "# readme\n");
        Cli.Result t = cli("train", "--out", aFile.toString(), "--phases", "1");
        assertThat(t.code()).isEqualTo(INPUT);
        assertThat(t.err()).contains(aFile.toString(), "is a file, not a directory");
        Path unwritable = dir.resolve("no-such-dir-file").resolve("x.jsonl");
        Files.writeString(dir.resolve("no-such-dir-file"), "a file where a directory should be");
        Cli.Result tr = cli("run", "--budget", "5", "--trace", unwritable.toString());
        assertThat(tr.code()).isEqualTo(INPUT);
        assertThat(tr.err()).contains(unwritable.toString());
        for (Cli.Result r : List.of(d, b, s, t, tr)) {
            noStackTrace(r);
        }
    }

    // 7. out of memory: the huge request is refused, or the run stops before the heap is gone

    @Test
    void anImpossibleGraphSizeIsRefusedNamingTheHeap() {
        Cli.Result r = cli("bench", "engine", "--seconds", "1", "--nodes", "100000000");
        long heapMiB = Runtime.getRuntime().maxMemory() >> 20;
        if ((100_000_000L * 300) > 0.8 * Runtime.getRuntime().maxMemory()) {
            assertThat(r.code()).isEqualTo(INPUT);
            assertThat(r.err()).contains("--nodes 100,000,000 needs about", "heap of " + String.format("%,d", heapMiB));
        }
        Cli.Result huge = cli("bench", "engine", "--nodes", "2000000000");
        assertThat(huge.code()).isEqualTo(INPUT);
        assertThat(huge.err()).contains("--nodes must be between 1 and 100,000,000");
    }

    @Test
    void aHugeSchemeFileIsRefusedBeforeItIsRead(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("huge.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(3L << 30); // sparse: 3 GiB on paper, nothing on disk
        }
        Cli.Result r = cli("validate", big.toString());
        assertThat(r.code()).isEqualTo(INPUT);
        assertThat(r.out()).contains(big.toString(), "is 3.0 GiB; a scheme file is at most 16.0 MiB");
    }

    // 8. a loop bounded only by max_nodes whose body adds no node stops, with a warning

    @Test
    void aLoopThatMakesNoProgressStopsWithAWarning(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("stuck.json");
        Files.writeString(f, """
                {"format":"rlm-workbench-scheme","version":1,"name":"stuck","description":"",
                 "nodes":[{"id":"start","type":"Start","params":{}},
                          {"id":"loop","type":"Loop","params":{"max_nodes":1000}},
                          {"id":"look","type":"Select","params":{}},
                          {"id":"output","type":"Output","params":{}}],
                 "wires":[{"from":"start","fromPort":"out","to":"loop","toPort":"in"},
                          {"from":"loop","fromPort":"body","to":"look","toPort":"in"},
                          {"from":"look","fromPort":"out","to":"loop","toPort":"repeat"},
                          {"from":"loop","fromPort":"done","to":"output","toPort":"in"}]}
                """);
        Cli.Result v = cli("validate", f.toString());
        assertThat(v.code()).as(v.out()).isZero();
        Cli.Result r = cli("run", "--scheme", f.toString(), "--instance", "4 6 8 2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: loop 'loop' stopped after 1 iterations",
                "changed nothing, so its max_nodes (or model budget) would never be reached");
    }

    // 16. small ones

    @Test
    void trailingGarbageIsRefusedAndAByteOrderMarkAccepted(@TempDir Path dir) throws Exception {
        String json = BuiltinSchemes.json("mcts").orElseThrow();
        Path garbage = Files.writeString(dir.resolve("garbage.json"), json + "\n}{ \"more\": 1 }\n");
        Cli.Result g = cli("validate", garbage.toString());
        assertThat(g.code()).isEqualTo(INPUT);
        assertThat(g.out()).contains(garbage.toString(), "malformed JSON at line");

        Path bom = dir.resolve("bom.json");
        Files.write(bom, ("\uFEFF" + json).getBytes(StandardCharsets.UTF_8));
        Cli.Result b = cli("validate", bom.toString());
        assertThat(b.code()).as(b.out()).isZero();
        Path instances = dir.resolve("bom.txt");
        Files.write(instances, "\uFEFF4 6 8 2\n1 2 3 4\n".getBytes(StandardCharsets.UTF_8));
        Cli.Result e = cli("eval", "--instances", instances.toString(), "--budget", "30");
        assertThat(e.code()).as(e.err()).isZero();
        assertThat(e.out()).contains("on 2 game24 instances");
    }

    @Test
    void aHugeNumberIsReportedAsWhatItIs(@TempDir Path dir) throws Exception {
        String json = BuiltinSchemes.json("mcts").orElseThrow();
        String huge = "1" + "0".repeat(400);
        Path f = Files.writeString(dir.resolve("huge.json"), json.replace("\"iterations\" : 500",
                "\"iterations\" : " + huge));
        assertThat(Files.readString(f)).contains(huge);
        Cli.Result r = cli("validate", f.toString());
        assertThat(r.code()).isEqualTo(INPUT);
        assertThat(r.out()).contains("node 'loop', field params.iterations", "is too large").doesNotContain("got 0");
    }

    @Test
    void lmPolicyWithoutModelsIsRefused() {
        Cli.Result r = cli("run", "--lm-policy", "--budget", "5");
        assertThat(r.code()).isEqualTo(INPUT);
        assertThat(r.err()).contains("--lm-policy needs --models");
        Cli.Result e = cli("eval", "--split", "test", "--limit", "1", "--lm-policy");
        assertThat(e.code()).isEqualTo(INPUT);
    }

    @Test
    void aVeryLongInstanceIsEchoedOnceAndShortened() {
        String longInstance = "7 ".repeat(100_000).trim();
        Cli.Result r = cli("run", "--instance", longInstance);
        assertThat(r.code()).isEqualTo(INPUT);
        assertThat(r.err().length()).isLessThan(2_000);
        assertThat(r.err()).contains("(199,999 characters)");
    }
}
