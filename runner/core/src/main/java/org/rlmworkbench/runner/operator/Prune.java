package org.rlmworkbench.runner.operator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.rlmworkbench.runner.event.NodePruned;
import org.rlmworkbench.runner.graph.ReasoningGraph;

/**
 * The Prune operator (structure): keeps the b best nodes of the working set by a score (top-b,
 * as beam search does) or those scoring at least a threshold, and prunes the rest. Ties keep
 * the earlier node, so runs repeat.
 */
public record Prune(boolean topB, int b, double threshold, Metric by) implements Operator {

    static Prune from(Params p) {
        return new Prune(p.choice("mode").equals("top_b"), p.integer("b"), p.real("threshold"),
                Metric.parse(p.choice("by")));
    }

    @Override
    public int[] apply(RunContext ctx, int[] input) {
        ReasoningGraph g = ctx.graph();
        List<Integer> alive = new ArrayList<>();
        for (int n : input) {
            if (!g.isPruned(n)) {
                alive.add(n);
            }
        }
        boolean[] keep = new boolean[alive.size()];
        if (topB) {
            Integer[] order = new Integer[alive.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -by.of(g, alive.get(i))));
            for (int i = 0; i < Math.min(b, order.length); i++) {
                keep[order[i]] = true;
            }
        } else {
            for (int i = 0; i < keep.length; i++) {
                keep[i] = by.of(g, alive.get(i)) >= threshold;
            }
        }
        int[] out = new int[alive.size()];
        int n = 0;
        for (int i = 0; i < keep.length; i++) {
            int node = alive.get(i);
            if (keep[i]) {
                out[n++] = node;
            } else {
                g.markPruned(node);
                double s = by.of(g, node);
                ctx.emit(new NodePruned(node, topB
                        ? "not among the " + b + " best by " + by.name().toLowerCase() + " (score " + fmt(s) + ")"
                        : by.name().toLowerCase() + " " + fmt(s) + " below threshold " + fmt(threshold)));
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static String fmt(double d) {
        return d == Double.NEGATIVE_INFINITY ? "unknown" : String.format(java.util.Locale.ROOT, "%.3f", d);
    }
}
