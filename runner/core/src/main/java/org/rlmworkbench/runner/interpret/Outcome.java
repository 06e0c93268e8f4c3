package org.rlmworkbench.runner.interpret;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.operator.Metric;
import org.rlmworkbench.runner.operator.Params;
import org.rlmworkbench.runner.operator.RunContext;

/**
 * The Output node's decision: which reasoning node is the answer, by the chosen rule, and whether
 * the verifier accepts it.
 */
record Outcome(int node, boolean solved, String answer, int[] pathIds) {

    /** Chooses the answer node; {@code params} null means the defaults (a cancelled run). */
    static Outcome choose(RunContext ctx, Params params, int[] ws) {
        ReasoningGraph g = ctx.graph();
        String rule = params == null ? "best_visits" : params.choice("rule");
        boolean preferSolution = params == null || params.flag("prefer_solution");
        int node;
        if (preferSolution && ctx.solved()) {
            node = ctx.solutions().get(0);
        } else {
            node = switch (rule) {
                case "best_value" -> descend(g, Metric.Q);
                case "best_reward" -> bestTerminal(g, Metric.REWARD);
                case "majority" -> majority(ctx, ws);
                default -> descend(g, Metric.VISITS);
            };
        }
        if (node == ReasoningGraph.NONE) {
            node = g.root();
        }
        boolean terminal = g.isTerminal(node) && !g.isInvalid(node);
        Object state = g.state(node);
        boolean solved = terminal && ctx.problem().outcomeReward(state) > 0;
        String answer = terminal ? ctx.problem().answer(state) : null;
        return new Outcome(node, solved, answer, g.pathTo(node));
    }

    /** From the root, the child best by the metric (ties: the earlier), down to a leaf. */
    private static int descend(ReasoningGraph g, Metric m) {
        int node = g.root();
        while (true) {
            int best = ReasoningGraph.NONE;
            for (int c = g.firstChild(node); c != ReasoningGraph.NONE; c = g.nextSibling(c)) {
                if (g.isPruned(c) || g.isInvalid(c)) {
                    continue;
                }
                if (best == ReasoningGraph.NONE || m.of(g, c) > m.of(g, best)) {
                    best = c;
                }
            }
            if (best == ReasoningGraph.NONE) {
                return node;
            }
            node = best;
        }
    }

    private static int bestTerminal(ReasoningGraph g, Metric m) {
        int best = ReasoningGraph.NONE;
        for (int i = 0; i < g.size(); i++) {
            if (g.isTerminal(i) && !g.isPruned(i) && !g.isInvalid(i) && (best == ReasoningGraph.NONE || m.of(g, i) > m.of(g, best))) {
                best = i;
            }
        }
        return best == ReasoningGraph.NONE ? descend(g, Metric.VISITS) : best;
    }

    /** An aggregated node from the working set, else a vote over every terminal node. */
    private static int majority(RunContext ctx, int[] ws) {
        ReasoningGraph g = ctx.graph();
        for (int n : ws) {
            if (g.isAggregated(n) && g.isTerminal(n) && !g.isInvalid(n)) {
                return n;
            }
        }
        Map<String, int[]> votes = new LinkedHashMap<>();
        for (int i = 0; i < g.size(); i++) {
            if (g.isTerminal(i) && !g.isPruned(i) && !g.isInvalid(i)) {
                int[] v = votes.computeIfAbsent(ctx.problem().answer(g.state(i)), a -> new int[] {0, -1});
                if (v[1] < 0) {
                    v[1] = i;
                }
                v[0]++;
            }
        }
        int[] top = null;
        for (int[] v : votes.values()) {
            if (top == null || v[0] > top[0]) {
                top = v;
            }
        }
        return top == null ? descend(g, Metric.VISITS) : top[1];
    }
}
