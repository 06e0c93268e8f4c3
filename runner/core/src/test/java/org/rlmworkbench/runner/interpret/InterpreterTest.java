package org.rlmworkbench.runner.interpret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rlmworkbench.runner.event.LoopIteration;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.event.RunFinished;
import org.rlmworkbench.runner.event.RunStarted;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.operator.RunContext;
import org.rlmworkbench.runner.problem.InstanceParseException;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;
import org.rlmworkbench.runner.scheme.InvalidSchemeException;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.scheme.SchemeNode;
import org.rlmworkbench.runner.toy.SumProblem;
import org.rlmworkbench.runner.trace.GraphReplayer;
import org.rlmworkbench.runner.trace.TraceWriter;

class InterpreterTest {

    static List<String> schemes() {
        return BuiltinSchemes.NAMES;
    }

    /**
     * The problem-native models; for the schemes whose steps a language model writes and a value
     * model values (mcts-lm, tot-lm), the toy writer and the heuristic value too.
     */
    static Models models(String scheme) {
        return org.rlmworkbench.runner.scheme.ModelNeed.needs(BuiltinSchemes.load(scheme), "writer")
                ? Models.problemNative().withWriter(new org.rlmworkbench.runner.toy.SumWriter("sum-writer"))
                        .withValue(new org.rlmworkbench.runner.model.HeuristicValue())
                : Models.problemNative();
    }

    private static String trace(String scheme, String instance, long seed, Integer budget) throws Exception {
        StringWriter out = new StringWriter();
        try (TraceWriter w = new TraceWriter(out)) {
            new Interpreter(BuiltinSchemes.load(scheme), new SumProblem(), models(scheme))
                    .run(instance, new RunSettings(seed, budget), List.of(w), null);
        }
        return out.toString();
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void everyBuiltInSchemeRunsAndTheSameSeedGivesTheSameTraceBytes(String scheme) throws Exception {
        // writer schemes too: a model call's measured latency is shown live, never written to the trace
        String a = trace(scheme, "7 3", 11, null);
        String b = trace(scheme, "7 3", 11, null);
        assertThat(a).isEqualTo(b);
        assertThat(a.lines().count()).isGreaterThan(10);
        assertThat(a.lines().findFirst().orElseThrow()).startsWith("{\"type\":\"run_started\"");
        assertThat(a.lines().reduce((x, y) -> y).orElseThrow()).contains("\"type\":\"run_finished\"");
    }

    @Test
    void aDifferentSeedGivesADifferentRandomRun() throws Exception {
        assertThat(trace("mcts-uct", "20 3", 1, 30)).isNotEqualTo(trace("mcts-uct", "20 3", 2, 30));
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void replayingTheEventsRebuildsTheIdenticalGraph(String scheme) throws Exception {
        Interpreter in = new Interpreter(BuiltinSchemes.load(scheme), new SumProblem(), models(scheme));
        List<RunEvent> events = new ArrayList<>();
        RunContext ctx = in.newContext(RunSettings.seed(3), List.of(events::add), null);
        in.run(ctx, "8 3", RunSettings.seed(3));
        var rebuilt = GraphReplayer.rebuild(events, new SumProblem());
        assertThat(rebuilt.nodes()).isEqualTo(ctx.graph().nodes());
        assertThat(rebuilt.root()).isEqualTo(ctx.graph().root());
    }

    @Test
    void mctsFindsTheSolutionAndReportsItsPath() throws Exception {
        RunResult r = new Interpreter(BuiltinSchemes.load("mcts"), new SumProblem(), Models.problemNative())
                .run("7 3", RunSettings.seed(1), List.of(), null);
        assertThat(r.solved()).isTrue();
        assertThat(r.answer()).isEqualTo("7");
        assertThat(r.bestPath()).hasSize(3);
        assertThat(r.bestPath().get(2)).endsWith("= 7");
        assertThat(r.reason()).isEqualTo("completed");
    }

    @Test
    void theBudgetOverridesTheFirstLoop() throws Exception {
        List<RunEvent> events = new ArrayList<>();
        RunResult r = new Interpreter(BuiltinSchemes.load("mcts-uct"), new SumProblem(), Models.problemNative())
                .run("20 3", new RunSettings(1, 37), List.of(events::add), null);
        assertThat(r.solved()).isFalse();
        assertThat(r.iterations()).isEqualTo(37);
        assertThat(events.stream().filter(e -> e instanceof LoopIteration).count()).isEqualTo(37);
        assertThat(events.get(0)).isEqualTo(new RunStarted("mcts-uct", "sum", "20 3", 1));
        assertThat(((RunFinished) events.get(events.size() - 1)).iterations()).isEqualTo(37);
        assertThat(r.events()).isEqualTo(events.size());
    }

    @Test
    void cancellingEndsTheRunWithAFinalEvent() throws Exception {
        List<RunEvent> events = new ArrayList<>();
        Interpreter in = new Interpreter(BuiltinSchemes.load("mcts-uct"), new SumProblem(), Models.problemNative());
        RunContext[] holder = new RunContext[1];
        holder[0] = in.newContext(new RunSettings(1, 1000), List.of(events::add), (i, e) -> {
            if (i == 99) {
                holder[0].cancel();
            }
        });
        RunResult r = in.run(holder[0], "20 3", new RunSettings(1, 1000));
        assertThat(r.reason()).isEqualTo("cancelled");
        assertThat(events).hasSize(101);
        assertThat(events.get(100)).isInstanceOf(RunFinished.class);
    }

    @Test
    void anInvalidSchemeIsRefusedNamingTheNode() {
        Scheme bad = BuiltinSchemes.load("mcts").withNode(new SchemeNode("select", "Select",
                java.util.Map.of("rule", "nope")));
        assertThatThrownBy(() -> new Interpreter(bad, new SumProblem(), Models.problemNative()))
                .isInstanceOf(InvalidSchemeException.class)
                .hasMessageContaining("node 'select', field params.rule");
    }

    @Test
    void aBadInstanceIsReportedByTheProblem() {
        Interpreter in = new Interpreter(BuiltinSchemes.load("mcts"), new SumProblem(), Models.problemNative());
        assertThatThrownBy(() -> in.run("seven", RunSettings.seed(1), List.of(), null))
                .isInstanceOf(InstanceParseException.class).hasMessageContaining("seven");
    }
}
