package org.rlmworkbench.runner.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.runner.event.RunListener;
import org.rlmworkbench.runner.interpret.Interpreter;
import org.rlmworkbench.runner.interpret.RunSettings;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;
import org.rlmworkbench.runner.toy.SumProblem;

/** Trace files written safely and read strictly: every fault named by file, line and what was expected. */
class TraceFilesTest {

    @TempDir
    Path dir;
    Path good;
    List<String> lines;

    @BeforeEach
    void record() throws Exception {
        good = dir.resolve("good.jsonl");
        try (TraceWriter w = TraceWriter.toFile(good)) {
            new Interpreter(BuiltinSchemes.load("mcts-uct"), new SumProblem(), Models.problemNative())
                    .run("20 3", new RunSettings(4, 20), List.<RunListener>of(w), null);
        }
        lines = Files.readAllLines(good);
    }

    private Path write(String name, List<String> content) throws Exception {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void aCutLastLineIsReportedAndTheEventsBeforeItKept() throws Exception {
        byte[] all = Files.readAllBytes(good);
        Path cut = Files.write(dir.resolve("cut.jsonl"), java.util.Arrays.copyOf(all, all.length - 20));
        TraceContents c = TraceReader.load(cut);
        assertThat(c.events()).hasSize(lines.size() - 1);
        assertThat(c.warning()).contains("cut.jsonl, line " + lines.size() + " is cut off");
        assertThat(TraceReader.read(cut)).hasSize(lines.size() - 1);
    }

    @Test
    void shuffledReversedAndInconsistentTracesAreNamedByLine() throws Exception {
        List<String> shuffled = new ArrayList<>(lines);
        Collections.shuffle(shuffled.subList(1, shuffled.size()), new Random(3));
        assertThatThrownBy(() -> TraceReader.read(write("shuffled.jsonl", shuffled)))
                .isInstanceOf(TraceFormatException.class).hasMessageContaining("shuffled.jsonl, line ")
                .hasMessageContaining("does not fit the run so far");
        List<String> reversed = new ArrayList<>(lines);
        Collections.reverse(reversed);
        assertThatThrownBy(() -> TraceReader.read(write("reversed.jsonl", reversed)))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageContaining("reversed.jsonl, line 1: expected a run_started event first");
        List<String> inconsistent = new ArrayList<>(lines);
        int i = 0;
        while (!inconsistent.get(i).contains("\"value_backpropagated\"")) {
            i++;
        }
        inconsistent.set(i, inconsistent.get(i).replaceFirst("\"path\":\\[\\d+", "\"path\":[9999"));
        int bad = i + 1;
        assertThatThrownBy(() -> TraceReader.read(write("inconsistent.jsonl", inconsistent)))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageContaining("inconsistent.jsonl, line " + bad + ": event does not fit the run so far")
                .hasMessageContaining("node 9999");
        List<String> skipped = new ArrayList<>(lines);
        int firstChild = 0;
        while (!skipped.get(firstChild).contains("\"node_added\"") || skipped.get(firstChild).contains("\"parent\":-1")) {
            firstChild++;
        }
        skipped.remove(firstChild);
        assertThatThrownBy(() -> TraceReader.read(write("skipped.jsonl", skipped)))
                .isInstanceOf(TraceFormatException.class).hasMessageContaining("skipped.jsonl, line ")
                .hasMessageContaining("expected node");
    }

    @Test
    void binaryEmptyAndNonEventFilesAreNamed() throws Exception {
        Path bin = Files.write(dir.resolve("bin.jsonl"), new byte[] {0x7F, 'E', 'L', 'F', (byte) 0xC3, 0x28, 0, 1});
        assertThatThrownBy(() -> TraceReader.read(bin)).isInstanceOf(TraceFormatException.class)
                .hasMessageContaining("bin.jsonl, line 1: not UTF-8 text");
        Path empty = Files.write(dir.resolve("empty.jsonl"), new byte[0]);
        assertThatThrownBy(() -> TraceReader.read(empty)).isInstanceOf(TraceFormatException.class)
                .hasMessageContaining("empty.jsonl: is empty; expected a run_started event on line 1");
        Path array = write("array.jsonl", List.of(lines.get(0), "[1, 2, 3]"));
        assertThatThrownBy(() -> TraceReader.read(array)).isInstanceOf(TraceFormatException.class)
                .hasMessageContaining("array.jsonl, line 2: expected a JSON object");
        assertThatThrownBy(() -> TraceReader.read(dir)).isInstanceOf(TraceFormatException.class)
                .hasMessageContaining("is a directory");
    }

    @Test
    void aTraceIsCommittedOnCloseAndDiscardLeavesTheOldOne() throws Exception {
        byte[] before = Files.readAllBytes(good);
        TraceWriter w = TraceWriter.toFile(good);
        w.onEvent(TraceJson.fromLine(lines.get(0)));
        w.flush();
        assertThat(Files.readAllBytes(good)).as("not touched before the commit").isEqualTo(before);
        w.discard();
        assertThat(Files.readAllBytes(good)).isEqualTo(before);
        try (TraceWriter again = TraceWriter.toFile(good)) {
            again.onEvent(TraceJson.fromLine(lines.get(0)));
        }
        assertThat(Files.readString(good, StandardCharsets.UTF_8)).isEqualTo(lines.get(0) + "\n");
    }

    @Test
    void aSecondWriterIsRefusedWhileTheFirstWrites() throws Exception {
        Path t = dir.resolve("t.jsonl");
        try (TraceWriter first = TraceWriter.toFile(t)) {
            assertThatThrownBy(() -> TraceWriter.toFile(t)).isInstanceOf(TraceBusyException.class)
                    .hasMessageContaining("t.jsonl: another run is writing this trace now");
        }
        TraceWriter.toFile(t).close();
    }

    @Test
    void theSizeLimitStopsTheWriterBeforeItGrowsPast() throws Exception {
        Path t = dir.resolve("capped.jsonl");
        TraceWriter w = TraceWriter.toFile(t, 2_000);
        assertThatThrownBy(() -> {
            for (String l : lines) {
                w.onEvent(TraceJson.fromLine(l));
            }
        }).isInstanceOf(TraceTooLargeException.class).hasMessageContaining("capped.jsonl reached its size limit of 2000 bytes");
        w.close();
        assertThat(Files.size(t)).isPositive().isLessThanOrEqualTo(2_000);
        assertThat(TraceReader.load(t).warning()).isNull();
    }
}
