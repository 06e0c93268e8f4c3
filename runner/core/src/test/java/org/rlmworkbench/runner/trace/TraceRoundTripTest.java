package org.rlmworkbench.runner.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.runner.event.NodeSelected;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.interpret.Interpreter;
import org.rlmworkbench.runner.interpret.RunSettings;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;
import org.rlmworkbench.runner.toy.SumProblem;

class TraceRoundTripTest {

    @Test
    void aWrittenTraceReadsBackToEqualEventsAndTheSameBytes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.jsonl");
        List<RunEvent> live = new ArrayList<>();
        try (TraceWriter w = TraceWriter.toFile(file)) {
            new Interpreter(BuiltinSchemes.load("mcts-uct"), new SumProblem(), Models.problemNative())
                    .run("20 3", new RunSettings(4, 40), List.<org.rlmworkbench.runner.event.RunListener>of(live::add, w), null);
        }
        List<RunEvent> read = TraceReader.read(file);
        assertThat(read).hasSize(live.size());
        for (int i = 0; i < live.size(); i++) {
            assertThat(TraceJson.toLine(read.get(i))).isEqualTo(TraceJson.toLine(live.get(i)));
        }
        // UCT reports unvisited children with an infinite score; it survives the round trip
        NodeSelected sel = (NodeSelected) read.stream().filter(e -> e instanceof NodeSelected).findFirst()
                .orElseThrow();
        assertThat(sel.candidates().get(0).score()).isInfinite();
        assertThat(GraphReplayer.rebuild(read, new SumProblem()).nodes())
                .isEqualTo(GraphReplayer.rebuild(live, new SumProblem()).nodes());
    }

    @Test
    void aBadLineIsNamedWithFileAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"type\":\"run_started\",\"scheme\":\"x\",\"problem\":\"sum\",\"instance\":\"7 3\",\"seed\":1}\n"
                + "{\"type\":\"teleported\"}\n");
        assertThatThrownBy(() -> TraceReader.read(file)).isInstanceOf(TraceFormatException.class)
                .hasMessageContaining("bad.jsonl, line 2");
    }
}
