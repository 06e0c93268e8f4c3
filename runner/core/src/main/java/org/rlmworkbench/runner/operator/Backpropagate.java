package org.rlmworkbench.runner.operator;

import org.rlmworkbench.runner.event.ValueBackpropagated;
import org.rlmworkbench.runner.graph.ReasoningGraph;

/**
 * The Backpropagate operator (update): carries each working-set node's value (its reward when
 * terminal) up its path to the root, adding a visit at every level. Rules: the running mean
 * {@code Q <- Q + (g^d·v - Q) / N}; the max {@code Q <- max(Q, g^d·v)}; and the blueprint's
 * visit-weighted rule {@code q(s) <- (1-a)·q(s) + a·g·Σ_c N(c)q(c) / Σ_c N(c)} (x1: g = 0.96).
 * After a batched Select it first takes back each leaf's virtual loss, so N and Q are the real ones.
 */
public record Backpropagate(Rule rule, double discount, double alpha) implements Operator {

    /** The update rule. */
    public enum Rule {
        MEAN, MAX, VISIT_WEIGHTED;

        /** The name as events write it, made once rather than on every backup. */
        final String eventName = name().toLowerCase(java.util.Locale.ROOT);
    }

    static Backpropagate from(Params p) {
        return new Backpropagate(Rule.valueOf(p.choice("rule").toUpperCase(java.util.Locale.ROOT)),
                p.real("discount"), p.real("alpha"));
    }

    @Override
    public int[] apply(RunContext ctx, int[] input) {
        ReasoningGraph g = ctx.graph();
        for (int leaf : input) {
            // a batched Select's virtual loss on this leaf's path goes before its real value goes up
            ctx.virtualLosses().takeBack(leaf, ctx::emit);
            double v = g.value(leaf);
            if (Double.isNaN(v)) {
                v = g.reward(leaf);
            }
            if (Double.isNaN(v)) {
                continue;
            }
            int len = g.depth(leaf) + 1;
            int[] path = new int[len];
            int[] visits = new int[len];
            double[] qs = new double[len];
            int i = 0;
            double carried = v;
            for (int node = leaf; node != ReasoningGraph.NONE && i < len; node = g.parent(node), i++) {
                int n = g.visits(node) + 1;
                double q = g.q(node);
                double newQ = switch (rule) {
                    case MEAN -> q + (carried - q) / n;
                    case MAX -> n == 1 ? carried : Math.max(q, carried);
                    case VISIT_WEIGHTED -> node == leaf ? q + (v - q) / n : visitWeighted(g, node, q, n);
                };
                g.setStats(node, n, newQ);
                path[i] = node;
                visits[i] = n;
                qs[i] = newQ;
                carried *= discount;
            }
            if (i < len) {
                path = java.util.Arrays.copyOf(path, i);
                visits = java.util.Arrays.copyOf(visits, i);
                qs = java.util.Arrays.copyOf(qs, i);
            }
            ctx.emit(new ValueBackpropagated(leaf, v, rule.eventName, path, visits, qs));
        }
        // simulations of the batch that brought no value back (nothing to evaluate) end here too
        ctx.virtualLosses().takeBackAll(ctx::emit);
        return input;
    }

    private double visitWeighted(ReasoningGraph g, int node, double q, int n) {
        double num = 0;
        double den = 0;
        for (int c = g.firstChild(node); c != ReasoningGraph.NONE; c = g.nextSibling(c)) {
            int nc = g.visits(c);
            if (nc > 0) {
                num += nc * g.q(c);
                den += nc;
            }
        }
        if (den == 0) {
            return q;
        }
        double target = discount * num / den;
        return n == 1 ? target : (1 - alpha) * q + alpha * target;
    }
}
