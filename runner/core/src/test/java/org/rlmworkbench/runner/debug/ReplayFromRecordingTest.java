package org.rlmworkbench.runner.debug;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.runner.event.ModelCalled;
import org.rlmworkbench.runner.event.NodeAdded;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.event.RunStarted;
import org.rlmworkbench.runner.interpret.Interpreter;
import org.rlmworkbench.runner.interpret.RunSettings;
import org.rlmworkbench.runner.model.CancelToken;
import org.rlmworkbench.runner.model.Completion;
import org.rlmworkbench.runner.model.CompletionRequest;
import org.rlmworkbench.runner.model.LanguageModel;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.model.PromptStyle;
import org.rlmworkbench.runner.operator.RunContext;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.toy.SumProblem;
import org.rlmworkbench.runner.toy.SumWriter;
import org.rlmworkbench.runner.trace.GraphReplayer;
import org.rlmworkbench.runner.trace.TraceJson;

/** Seek, time travel and reopening a recorded run answer every model call from the recording. */
class ReplayFromRecordingTest {

    /** MCTS whose Generate samples 3 steps per leaf from the writer, valued by the heuristic. */
    static Scheme writtenMcts() {
        Scheme s = BuiltinSchemes.load("mcts");
        s = s.withNode(s.node("expand").orElseThrow().withParam("source", "sample").withParam("k", 3));
        return s.withNode(s.node("evaluate").orElseThrow().withParam("source", "heuristic"));
    }

    /** A writer that fails the test if it is ever asked. */
    static final class MustNotBeCalled implements LanguageModel {
        private final String name;

        MustNotBeCalled(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public PromptStyle promptStyle() {
            return PromptStyle.STATE;
        }

        @Override
        public List<Completion> complete(List<CompletionRequest> batch, CancelToken cancel) {
            throw new AssertionError("the model was called during a replay: " + batch.get(0).prompt());
        }
    }

    private static List<String> lines(List<RunEvent> events) {
        return events.stream().map(TraceJson::toLine).toList();
    }

    private static List<RunEvent> liveRun(SumWriter writer) throws Exception {
        Interpreter in = new Interpreter(writtenMcts(), new SumProblem(), Models.problemNative().withWriter(writer));
        List<RunEvent> events = new ArrayList<>();
        in.run("20 8", new RunSettings(3, 25), List.of(events::add), null);
        return events;
    }

    @Test
    void aRunAnsweredFromItsRecordingNeverCallsTheModelAndRepeatsItByteForByte() throws Exception {
        SumWriter writer = new SumWriter("sum-writer");
        List<RunEvent> live = liveRun(writer);
        assertThat(writer.calls.get()).isGreaterThan(5);
        assertThat(live.stream().filter(e -> e instanceof NodeAdded n && n.invalid())).isNotEmpty();

        Interpreter replay = new Interpreter(writtenMcts(), new SumProblem(),
                Models.problemNative().withWriter(new MustNotBeCalled("sum-writer")));
        List<RunEvent> again = new ArrayList<>();
        RunSettings settings = new RunSettings(3, 25);
        RunContext ctx = replay.newContext(settings, List.of(again::add), null);
        ctx.modelCalls().replayFrom(live);
        replay.run(ctx, "20 8", settings);

        assertThat(lines(again)).isEqualTo(lines(live));
        assertThat(ctx.graph().nodes()).isEqualTo(GraphReplayer.rebuild(live, new SumProblem()).nodes());
        assertThat(ctx.modelCalls().usage().calls()).isEqualTo(live.stream().filter(ModelCalled.class::isInstance).count());
    }

    @Test
    void seekingBackAndPlayingOnAsksTheModelNothingNewAndGivesTheSameTrace() throws Exception {
        SumWriter writer = new SumWriter("sum-writer");
        Interpreter in = new Interpreter(writtenMcts(), new SumProblem(), Models.problemNative().withWriter(writer));
        List<RunEvent> seen = new CopyOnWriteArrayList<>();
        try (Debugger d = new Debugger(in, "20 8", new RunSettings(3, 25))) {
            d.addListener(seen::add);
            d.play();
            assertThat(d.awaitStop(20_000)).isEqualTo(DebugState.FINISHED);
            List<RunEvent> full = d.events();
            int calls = writer.calls.get();

            seen.clear();
            d.seek(full.size() / 3);
            assertThat(d.awaitStop(20_000)).isEqualTo(DebugState.PAUSED);
            assertThat(seen.get(0)).isInstanceOf(RunStarted.class);
            assertThat(lines(d.events())).isEqualTo(lines(full.subList(0, (int) d.eventCount())));

            d.play();
            assertThat(d.awaitStop(20_000)).isEqualTo(DebugState.FINISHED);
            assertThat(lines(d.events())).isEqualTo(lines(full));
            assertThat(writer.calls.get()).isEqualTo(calls);
        }
    }

    @Test
    void aDebuggerOpenedOnARecordedTraceReplaysItWithoutTheModel() throws Exception {
        List<RunEvent> live = liveRun(new SumWriter("sum-writer"));
        Interpreter in = new Interpreter(writtenMcts(), new SumProblem(),
                Models.problemNative().withWriter(new MustNotBeCalled("sum-writer")));
        try (Debugger d = new Debugger(in, "20 8", new RunSettings(3, 25))) {
            d.useRecording(live);
            d.seek(live.size() - 1);
            assertThat(d.awaitStop(20_000)).isIn(DebugState.FINISHED, DebugState.PAUSED);
            assertThat(d.failure()).isNull();
            assertThat(lines(d.events())).isEqualTo(lines(live));
            assertThat(GraphReplayer.rebuild(d.events(), new SumProblem()).nodes())
                    .isEqualTo(GraphReplayer.rebuild(live, new SumProblem()).nodes());
        }
    }
}
