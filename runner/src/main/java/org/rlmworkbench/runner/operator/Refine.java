package org.rlmworkbench.runner.operator;

import java.util.ArrayList;
import java.util.List;
import org.rlmworkbench.runner.event.NodeRefined;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.interpret.Params;
import org.rlmworkbench.runner.interpret.RunContext;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Step;

/**
 * The Refine operator (structure): reconsiders a node's last step. From its parent, the k
 * alternatives the policy likes best are scored; when the best scores higher than the node, it
 * is added beside it as the refined version and passed on instead.
 */
public record Refine(int k, String source) implements Operator {

    static Refine from(Params p) {
        return new Refine(p.integer("k"), p.choice("source"));
    }

    @Override
    public int[] apply(RunContext ctx, int[] input) {
        ReasoningGraph g = ctx.graph();
        Problem<Object> problem = ctx.problem();
        int[] out = input.clone();
        for (int i = 0; i < input.length; i++) {
            int node = input[i];
            int parent = g.parent(node);
            if (parent == ReasoningGraph.NONE || g.isPruned(node) || g.isSolved(node)) {
                continue;
            }
            double current = score(ctx, g.state(node));
            Object parentState = g.state(parent);
            List<Step<Object>> steps = problem.steps(parentState);
            if (steps.isEmpty()) {
                continue;
            }
            double[] priors = ctx.models().policy().priors(problem, parentState, steps);
            String ownText = g.text(node);
            List<Integer> order = new ArrayList<>();
            for (int s = 0; s < steps.size(); s++) {
                order.add(s);
            }
            order.sort((a, b) -> Double.compare(priors[b], priors[a]));
            int best = -1;
            double bestScore = current;
            int considered = 0;
            for (int s : order) {
                if (considered == k) {
                    break;
                }
                if (steps.get(s).text().equals(ownText)) {
                    continue;
                }
                considered++;
                double sc = score(ctx, steps.get(s).next());
                if (sc > bestScore) {
                    best = s;
                    bestScore = sc;
                }
            }
            if (best >= 0) {
                int refined = ctx.addChild(parent, steps.get(best), priors[best]);
                g.markRefined(refined);
                g.setValue(refined, bestScore);
                ctx.emit(new NodeRefined(node, refined, current, bestScore));
                out[i] = refined;
            }
        }
        return out;
    }

    private double score(RunContext ctx, Object state) {
        Problem<Object> problem = ctx.problem();
        if (problem.isTerminal(state)) {
            return problem.outcomeReward(state);
        }
        return switch (source) {
            case "reward" -> ctx.models().reward().reward(problem, state);
            case "value" -> ctx.models().value() != null
                    ? ctx.models().value().values(problem, List.of(state))[0]
                    : problem.heuristicValue(state);
            case "rollout" -> {
                Object s = state;
                while (!problem.isTerminal(s)) {
                    Object next = problem.randomNext(s, ctx.rng());
                    if (next == null) {
                        break;
                    }
                    s = next;
                }
                yield problem.isTerminal(s) ? problem.outcomeReward(s) : problem.heuristicValue(s);
            }
            default -> problem.heuristicValue(state);
        };
    }
}
