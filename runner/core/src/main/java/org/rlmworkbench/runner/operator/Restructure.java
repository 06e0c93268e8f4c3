package org.rlmworkbench.runner.operator;

import org.rlmworkbench.runner.event.NodePruned;
import org.rlmworkbench.runner.event.Restructured;
import org.rlmworkbench.runner.graph.ReasoningGraph;

/**
 * The Restructure operator (structure): commits the search to the root's best child (by visits or
 * value), which becomes the new root; its siblings are pruned. This is how a step-by-step
 * reasoner (x1, AlphaZero at play) moves on after searching one step.
 */
public record Restructure(Metric by) implements Operator {

    static Restructure from(Params p) {
        return new Restructure(p.choice("by").equals("visits") ? Metric.VISITS : Metric.Q);
    }

    @Override
    public int[] apply(RunContext ctx, int[] input) {
        ReasoningGraph g = ctx.graph();
        int root = g.root();
        int best = ReasoningGraph.NONE;
        for (int c = g.firstChild(root); c != ReasoningGraph.NONE; c = g.nextSibling(c)) {
            if (!g.isPruned(c) && (best == ReasoningGraph.NONE || by.of(g, c) > by.of(g, best))) {
                best = c;
            }
        }
        if (best == ReasoningGraph.NONE) {
            return new int[] {root};
        }
        for (int c = g.firstChild(root); c != ReasoningGraph.NONE; c = g.nextSibling(c)) {
            if (c != best && !g.isPruned(c)) {
                g.markPruned(c);
                ctx.emit(new NodePruned(c, "restructure: the search committed to #" + best));
            }
        }
        g.setRoot(best);
        ctx.emit(new Restructured("reroot_best", root, best));
        return new int[] {best};
    }
}
