package org.rlmworkbench.graphview;

import java.util.ArrayList;
import java.util.List;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.event.RunFinished;
import org.rlmworkbench.runner.event.RunListener;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.interpret.Interpreter;
import org.rlmworkbench.runner.interpret.RunSettings;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.operator.RunContext;
import org.rlmworkbench.runner.problem.Problems;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;

/** A real Game of 24 run with a fixed seed: its events and the graph the runner built. */
public record RealRun(List<RunEvent> events, ReasoningGraph graph, RunFinished finished) {

    /** Runs {@code scheme} on {@code instance}, calling {@code extra} (if any) with every event too. */
    public static RealRun of(String scheme, String instance, long seed, int budget, RunListener extra) throws Exception {
        Interpreter interpreter = new Interpreter(BuiltinSchemes.load(scheme), Problems.byId("game24"),
                Models.problemNative());
        List<RunEvent> events = new ArrayList<>();
        List<RunListener> listeners = new ArrayList<>();
        listeners.add(events::add);
        if (extra != null) {
            listeners.add(extra);
        }
        RunSettings settings = RunSettings.seed(seed).withBudget(budget);
        RunContext ctx = interpreter.newContext(settings, listeners, null);
        interpreter.run(ctx, instance, settings);
        RunFinished finished = (RunFinished) events.get(events.size() - 1);
        return new RealRun(List.copyOf(events), ctx.graph(), finished);
    }

    /** The MCTS run the tests share: stops at its first solution, with more than 300 nodes. */
    public static RealRun mcts() throws Exception {
        return of("mcts", "6 8 10 11", 7, 300, null);
    }
}
