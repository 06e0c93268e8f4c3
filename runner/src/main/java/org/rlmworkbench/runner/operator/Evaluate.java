package org.rlmworkbench.runner.operator;

import java.util.ArrayList;
import java.util.List;
import org.rlmworkbench.runner.event.Evaluation;
import org.rlmworkbench.runner.event.ValuesComputed;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.interpret.Params;
import org.rlmworkbench.runner.interpret.RunContext;
import org.rlmworkbench.runner.interpret.RunFailedException;
import org.rlmworkbench.runner.model.ValueModel;
import org.rlmworkbench.runner.problem.Problem;

/**
 * The Evaluate operator: sets V for each working-set node. Terminal nodes get the verifier's
 * outcome reward (+1 / -1) as both R and V, and a correct one is reported as a solution. Others are
 * valued by the value model (all in one batch), by random rollouts to a terminal, by the reward
 * model (a process reward), or by the problem's heuristic; a value estimate may be mixed with a
 * rollout as {@code (1 - alpha) · value + alpha · rollout}.
 */
public record Evaluate(String nodeId, String source, double alpha, int rolloutDepth, int rollouts)
        implements Operator {

    static Evaluate from(Params p) {
        return new Evaluate(p.nodeId(), p.choice("source"), p.real("alpha"), p.integer("rollout_depth"),
                p.integer("rollouts"));
    }

    @Override
    public int[] apply(RunContext ctx, int[] input) {
        ReasoningGraph g = ctx.graph();
        Problem<Object> problem = ctx.problem();
        List<Evaluation> evaluations = new ArrayList<>(input.length);
        ValueModel valueModel = ctx.models().value();
        String used = source;
        if (source.equals("value_or_rollout")) {
            used = valueModel != null ? "value" : "rollout";
        }
        if (used.equals("value") && valueModel == null) {
            throw new RunFailedException("node '" + nodeId + "', field params.source: 'value' needs a value model,"
                    + " and none is chosen; choose one or use value_or_rollout");
        }
        double[] modelValues = null;
        if (used.equals("value")) {
            List<Object> states = new ArrayList<>();
            for (int n : input) {
                if (!g.isTerminal(n)) {
                    states.add(g.state(n));
                }
            }
            modelValues = states.isEmpty() ? new double[0] : valueModel.values(problem, states);
        }
        int m = 0;
        for (int n : input) {
            Object state = g.state(n);
            if (g.isTerminal(n)) {
                double r = problem.outcomeReward(state);
                g.setReward(n, r);
                g.setValue(n, r);
                evaluations.add(new Evaluation(n, r, r));
                continue;
            }
            double v;
            Double reward = null;
            switch (used) {
                case "value" -> {
                    v = modelValues[m++];
                    if (alpha > 0) {
                        v = (1 - alpha) * v + alpha * rollout(ctx, state);
                    }
                }
                case "rollout" -> v = rollout(ctx, state);
                case "reward" -> {
                    v = ctx.models().reward().reward(problem, state);
                    reward = v;
                    g.setReward(n, v);
                }
                case "heuristic" -> {
                    v = problem.heuristicValue(state);
                    if (alpha > 0) {
                        v = (1 - alpha) * v + alpha * rollout(ctx, state);
                    }
                }
                default -> throw new IllegalStateException(used);
            }
            g.setValue(n, v);
            evaluations.add(new Evaluation(n, v, reward));
        }
        ctx.emit(new ValuesComputed(used, evaluations));
        for (Evaluation e : evaluations) {
            if (e.reward() != null && g.isTerminal(e.node()) && e.reward() > 0) {
                ctx.solutionFound(e.node(), e.reward());
            }
        }
        return input;
    }

    /** Mean outcome of random rollouts; a rollout cut off by the depth limit scores the heuristic. */
    private double rollout(RunContext ctx, Object state) {
        Problem<Object> problem = ctx.problem();
        double sum = 0;
        for (int r = 0; r < rollouts; r++) {
            Object s = state;
            int d = 0;
            while (!problem.isTerminal(s) && d < rolloutDepth) {
                Object next = problem.randomNext(s, ctx.rng());
                if (next == null) {
                    break;
                }
                s = next;
                d++;
            }
            sum += problem.isTerminal(s) ? problem.outcomeReward(s) : problem.heuristicValue(s);
        }
        return sum / rollouts;
    }
}
