package org.rlmworkbench.runner.operator;

import org.rlmworkbench.runner.graph.ReasoningGraph;

/** A per-node score by which Prune, greedy Select and Output rank nodes. */
public enum Metric {
    VALUE, Q, PRIOR, REWARD, VISITS;

    public static Metric parse(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }

    /** The node's score; unknown values count as the worst. */
    public double of(ReasoningGraph g, int node) {
        double v = switch (this) {
            case VALUE -> g.value(node);
            case Q -> g.visits(node) > 0 ? g.q(node) : g.value(node);
            case PRIOR -> g.prior(node);
            case REWARD -> g.reward(node);
            case VISITS -> g.visits(node);
        };
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }
}
