package org.rlmworkbench.problems.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rlmworkbench.runner.eval.EvalReport;
import org.rlmworkbench.runner.eval.SchemeEvaluation;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.interpret.Interpreter;
import org.rlmworkbench.runner.interpret.RunResult;
import org.rlmworkbench.runner.interpret.RunSettings;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.operator.RunContext;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Problems;
import org.rlmworkbench.runner.problem.Split;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;
import org.rlmworkbench.runner.trace.GraphReplayer;
import org.rlmworkbench.runner.trace.TraceWriter;

/** Every built-in scheme on the real Game of 24, end to end. */
class SchemesOnGame24Test {

    static final Problem<?> GAME24 = Problems.byId("game24");

    static List<String> schemes() {
        // the schemes whose steps a language model writes need a trained writer: LmWriterGame24Test
        return BuiltinSchemes.NAMES.stream().filter(n -> !org.rlmworkbench.runner.scheme.ModelNeed.needs(
                BuiltinSchemes.load(n), "writer")).toList();
    }

    private static String trace(String scheme, String instance, long seed) throws Exception {
        StringWriter out = new StringWriter();
        try (TraceWriter w = new TraceWriter(out)) {
            new Interpreter(BuiltinSchemes.load(scheme), GAME24, Models.problemNative())
                    .run(instance, RunSettings.seed(seed), List.of(w), null);
        }
        return out.toString();
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void twoRunsWithTheSameSeedGiveByteIdenticalTraces(String scheme) throws Exception {
        String a = trace(scheme, "4 9 10 13", 7);
        assertThat(a).isEqualTo(trace(scheme, "4 9 10 13", 7));
        assertThat(a).contains("\"type\":\"node_added\"");
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void replayRebuildsTheIdenticalGraphWithDecodedStates(String scheme) throws Exception {
        Interpreter in = new Interpreter(BuiltinSchemes.load(scheme), GAME24, Models.problemNative());
        List<RunEvent> events = new ArrayList<>();
        RunContext ctx = in.newContext(RunSettings.seed(3), List.of(events::add), null);
        in.run(ctx, "1 5 5 5", RunSettings.seed(3));
        var rebuilt = GraphReplayer.rebuild(events, GAME24);
        assertThat(rebuilt.nodes()).isEqualTo(ctx.graph().nodes());
        for (int i = 0; i < rebuilt.size(); i++) {
            assertThat(rebuilt.state(i)).isEqualTo(ctx.graph().state(i));
        }
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void everySchemeSolvesSomeOfTheTestSplitAndReportsHonestly(String scheme) throws Exception {
        List<String> test = GAME24.dataset().split(Split.TEST).subList(0, 20);
        EvalReport r = SchemeEvaluation.evaluate(BuiltinSchemes.load(scheme), GAME24, Models.problemNative(), test,
                null, 7, null);
        assertThat(r.instances()).isEqualTo(20);
        assertThat(r.solveRate()).isEqualTo(r.solved() / 20.0);
        assertThat(r.medianNodes()).isGreaterThan(1);
        assertThat(r.solved()).as("%s solves some of the first 20 test puzzles", scheme).isPositive();
        int solvedRuns = 0;
        for (String instance : test) {
            RunResult run = new Interpreter(BuiltinSchemes.load(scheme), GAME24, Models.problemNative())
                    .run(instance, RunSettings.seed(7), List.of(), null);
            // A run reports solved exactly when its answer is 24 and its path reaches the lone 24.
            boolean reachedTwentyFour = "24".equals(run.answer())
                    && run.bestPath().stream().anyMatch(step -> step.contains("= 24 (left: 24)"));
            assertThat(run.solved()).as("%s on %s: %s", scheme, instance, run.bestPath()).isEqualTo(reachedTwentyFour);
            solvedRuns += run.solved() ? 1 : 0;
        }
        assertThat(solvedRuns).as("the single runs agree with the evaluation").isEqualTo(r.solved());
    }

    @Test
    void searchSchemesSolveMostPuzzles() throws Exception {
        List<String> test = GAME24.dataset().split(Split.TEST).subList(0, 30);
        for (String scheme : List.of("mcts", "tot-bfs", "dfs")) {
            EvalReport r = SchemeEvaluation.evaluate(BuiltinSchemes.load(scheme), GAME24, Models.problemNative(),
                    test, 1000, 7, null);
            assertThat(r.solveRate()).as(scheme).isGreaterThan(0.8);
        }
    }

    @Test
    void mctsWithUctAndRandomRolloutsSolvesEveryTestPuzzleWithin10000Iterations() throws Exception {
        List<String> test = GAME24.dataset().split(Split.TEST);
        EvalReport r = SchemeEvaluation.evaluate(BuiltinSchemes.load("mcts-uct"), GAME24, Models.problemNative(),
                test, 10_000, 7, null);
        assertThat(r.instances()).isEqualTo(test.size());
        assertThat(r.solved()).isEqualTo(test.size());
    }
}
