package org.rlmworkbench.problems.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.runner.cli.WorkbenchCli;
import org.rlmworkbench.runner.neural.ModelSet;
import org.rlmworkbench.runner.trace.TraceContents;
import org.rlmworkbench.runner.trace.TraceReader;

/**
 * What needs a real process or real training (issue 16): a stop by SIGTERM, a small heap, a
 * training directory resumed with other settings, a damaged model set.
 */
class HardeningProcessTest {

    @Test
    void aRunStoppedBySigtermLeavesATraceOfWholeLines(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("stopped.jsonl");
        Process p = ChildJvm.start(dir, List.of("-Xmx256m"), "run", "--scheme", "best-of-n", "--instance", "4 6 8 2",
                "--budget", "10000000", "--trace", trace.toString());
        Path part = dir.resolve(".stopped.jsonl.part");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((!Files.exists(part) || Files.size(part) < 200_000) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(Files.size(part)).as("the run got going").isGreaterThanOrEqualTo(200_000);
        p.destroy(); // SIGTERM
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        TraceContents c = TraceReader.load(trace);
        assertThat(c.warning()).as("no cut line").isNull();
        assertThat(c.events().size()).isGreaterThan(1_000);
        assertThat(Files.readString(trace)).endsWith("\n");
    }

    @Test
    void aRunNearTheEndOfTheHeapStopsWithAMessageAndKeepsItsTree(@TempDir Path dir) throws Exception {
        ChildJvm.Result r = ChildJvm.run(dir, 120, List.of("-Xmx64m"), "run", "--scheme", "best-of-n",
                "--instance", "4 6 8 2", "--budget", "10000000");
        assertThat(r.code()).as(r.err()).isEqualTo(WorkbenchCli.OUT_OF_MEMORY);
        assertThat(r.err()).contains("warning: stopped at ", " nodes: the heap is ", "MiB, set by -Xmx",
                "the tree so far is kept", "error: out of memory");
        assertThat(r.err()).doesNotContain("OutOfMemoryError", "\tat ");
        assertThat(r.out()).contains("answer:", "iterations,");
    }

    @Test
    void trainResumesOnlyWithItsOwnSettings(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("models");
        String[] tiny = {"train", "--problem", "game24", "--phases", "1", "--instances", "3", "--validation", "2",
            "--budget", "30", "--epochs", "1", "--lm-epochs", "1", "--quiet", "--out", out.toString()};
        Cli.Result first = Cli.run(tiny);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(ModelSet.resolve(out).resolve("lm.json")).exists();

        String[] noLm = java.util.Arrays.copyOf(tiny, tiny.length + 1);
        noLm[tiny.length] = "--no-lm";
        Cli.Result other = Cli.run(noLm);
        assertThat(other.code()).isEqualTo(WorkbenchCli.INPUT_ERROR);
        assertThat(other.err()).contains(out + " holds a training run with other settings", "trainLm true there,"
                + " false now", "--fresh");

        String[] fresh = java.util.Arrays.copyOf(noLm, noLm.length + 1);
        fresh[noLm.length] = "--fresh";
        Cli.Result again = Cli.run(fresh);
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).doesNotContain("resumed");
        assertThat(ModelSet.resolve(out).resolve("lm.json")).doesNotExist();
        assertThat(ModelSet.resolve(out).resolve("value.json")).exists();

        // damage the published set: eval refuses it by name instead of running with what is left
        Path set = ModelSet.resolve(out);
        Files.delete(set.resolve("policy.json"));
        Cli.Result e = Cli.run("eval", "--split", "test", "--limit", "1", "--budget", "20", "--models", out.toString());
        assertThat(e.code()).isEqualTo(WorkbenchCli.INPUT_ERROR);
        assertThat(e.err()).contains("policy.json: missing from the model set");
    }
}
