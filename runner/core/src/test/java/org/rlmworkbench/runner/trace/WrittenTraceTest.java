package org.rlmworkbench.runner.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.runner.event.ModelCalled;
import org.rlmworkbench.runner.event.NodeAdded;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.event.RunListener;
import org.rlmworkbench.runner.event.RunStarted;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.interpret.Interpreter;
import org.rlmworkbench.runner.interpret.RunSettings;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.toy.SumProblem;
import org.rlmworkbench.runner.toy.SumWriter;

/** Traces of format 2: model calls and written (valid and invalid) steps, and how older or newer traces read. */
class WrittenTraceTest {

    private static Scheme writtenMcts() {
        Scheme s = BuiltinSchemes.load("mcts");
        s = s.withNode(s.node("expand").orElseThrow().withParam("source", "sample").withParam("k", 3));
        return s.withNode(s.node("evaluate").orElseThrow().withParam("source", "heuristic"));
    }

    /**
     * Two live runs of a writer scheme with the same seed write the same trace bytes even though
     * every call of the second run takes longer: the measured latency reaches the live listeners
     * (narration, inspector) but not the trace file.
     */
    @Test
    void twoLiveWriterRunsWithTheSameSeedWriteTheSameTraceBytes(@TempDir Path dir) throws Exception {
        List<Double> latencies = new ArrayList<>();
        Path[] files = {dir.resolve("first.jsonl"), dir.resolve("second.jsonl")};
        for (int run = 0; run < 2; run++) {
            long sleepMs = run == 0 ? 1 : 6;
            SumWriter sum = new SumWriter("w");
            org.rlmworkbench.runner.model.LanguageModel slow = new org.rlmworkbench.runner.model.LanguageModel() {
                @Override
                public String name() {
                    return sum.name();
                }

                @Override
                public org.rlmworkbench.runner.model.PromptStyle promptStyle() {
                    return sum.promptStyle();
                }

                @Override
                public List<org.rlmworkbench.runner.model.Completion> complete(
                        List<org.rlmworkbench.runner.model.CompletionRequest> batch,
                        org.rlmworkbench.runner.model.CancelToken cancel)
                        throws org.rlmworkbench.runner.model.ModelCallException {
                    try {
                        Thread.sleep(sleepMs);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return sum.complete(batch, cancel);
                }
            };
            List<Double> seen = new ArrayList<>();
            try (TraceWriter w = TraceWriter.toFile(files[run])) {
                new Interpreter(writtenMcts(), new SumProblem(), Models.problemNative().withWriter(slow))
                        .run("20 8", new RunSettings(4, 15), List.<RunListener>of(w, e -> {
                            if (e instanceof ModelCalled m) {
                                seen.add(m.latencyMs());
                            }
                        }), null);
            }
            assertThat(seen).isNotEmpty().allMatch(ms -> ms >= sleepMs);
            latencies.add(seen.get(0));
        }
        assertThat(latencies.get(1)).isGreaterThan(latencies.get(0));
        assertThat(Files.readAllBytes(files[1])).isEqualTo(Files.readAllBytes(files[0]));
        assertThat(Files.readString(files[0])).contains("\"type\":\"model_called\"").doesNotContain("latency");
        ModelCalled read = (ModelCalled) TraceReader.read(files[0]).stream().filter(ModelCalled.class::isInstance)
                .findFirst().orElseThrow();
        assertThat(read.latencyMs()).isZero();
    }

    /** A trace written before latency was left out still reads; its latency is dropped on the way in. */
    @Test
    void anOlderTraceWithLatencyStillReads() throws Exception {
        String line = "{\"type\":\"model_called\",\"call\":0,\"role\":\"writer\",\"model\":\"w\",\"exchanges\":[],"
                + "\"promptTokens\":3,\"completionTokens\":5,\"latencyMs\":12.5,\"cost\":0.0}";
        ModelCalled m = (ModelCalled) TraceJson.fromLine(line);
        assertThat(m.promptTokens()).isEqualTo(3);
        assertThat(m.latencyMs()).isZero();
        assertThat(TraceJson.toLine(m)).doesNotContain("latency");
    }

    @Test
    void modelCallsAndInvalidNodesSurviveTheFileAndTheReplayRebuildsThem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("written.jsonl");
        List<RunEvent> live = new ArrayList<>();
        try (TraceWriter w = TraceWriter.toFile(file)) {
            new Interpreter(writtenMcts(), new SumProblem(), Models.problemNative().withWriter(new SumWriter("w")))
                    .run("20 8", new RunSettings(2, 20), List.<RunListener>of(live::add, w), null);
        }
        List<String> text = Files.readAllLines(file);
        assertThat(text.get(0)).contains("\"format\":2");
        assertThat(text).anyMatch(l -> l.contains("\"type\":\"model_called\"") && l.contains("\"role\":\"writer\""));
        List<RunEvent> read = TraceReader.read(file);
        for (int i = 0; i < live.size(); i++) {
            assertThat(TraceJson.toLine(read.get(i))).isEqualTo(text.get(i));
        }
        ModelCalled call = (ModelCalled) read.stream().filter(ModelCalled.class::isInstance).findFirst().orElseThrow();
        assertThat(call.exchanges().get(0).hash()).isEqualTo(ModelCalled.hash(call.exchanges().get(0).prompt()));
        assertThat(call.exchanges().get(0).responses()).hasSize(3);
        ReasoningGraph g = GraphReplayer.rebuild(read, new SumProblem());
        int invalid = read.stream().filter(e -> e instanceof NodeAdded n && n.invalid()).mapToInt(e -> ((NodeAdded) e).id())
                .findFirst().orElseThrow();
        assertThat(g.isInvalid(invalid)).isTrue();
        assertThat(g.written(invalid).reason()).isEqualTo("not one of the legal steps");
        assertThat(g.reward(invalid)).isEqualTo(-1.0);
        assertThat(g.nodes()).isEqualTo(GraphReplayer.rebuild(live, new SumProblem()).nodes());
    }

    @Test
    void enumeratedStepsWriteNoWrittenFieldAndAVersionOneTraceStillOpens(@TempDir Path dir) throws Exception {
        List<RunEvent> live = new ArrayList<>();
        new Interpreter(BuiltinSchemes.load("mcts-uct"), new SumProblem(), Models.problemNative())
                .run("20 3", new RunSettings(4, 10), List.of(live::add), null);
        List<String> lines = live.stream().map(TraceJson::toLine).toList();
        assertThat(lines).noneMatch(l -> l.contains("written") || l.contains("model_called"));
        // a trace from before model calls: the same lines without the format field
        Path old = dir.resolve("v1.jsonl");
        Files.write(old, lines.stream().map(l -> l.replace(",\"format\":2", "")).toList());
        List<RunEvent> read = TraceReader.read(old);
        assertThat(((RunStarted) read.get(0)).format()).isEqualTo(1);
        assertThat(GraphReplayer.rebuild(read, new SumProblem()).nodes())
                .isEqualTo(GraphReplayer.rebuild(live, new SumProblem()).nodes());
    }

    @Test
    void aTraceOfAnUnknownFormatIsRefusedNamingItsVersion(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("future.jsonl");
        Files.writeString(file, "{\"type\":\"run_started\",\"scheme\":\"x\",\"problem\":\"sum\",\"instance\":\"7 3\","
                + "\"seed\":1,\"format\":7}\n{\"type\":\"hologram_projected\"}\n");
        assertThatThrownBy(() -> TraceReader.read(file)).isInstanceOf(TraceFormatException.class)
                .hasMessageContaining("future.jsonl").hasMessageContaining("trace format version 7")
                .hasMessageContaining("versions 1 to 3");
    }
}
