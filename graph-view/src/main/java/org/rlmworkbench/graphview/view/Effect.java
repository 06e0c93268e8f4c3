package org.rlmworkbench.graphview.view;

/**
 * One running animation of a run event, drawn over the graph until it has played out.
 *
 * @param kind what happened
 * @param nodes the nodes involved: a path (root first for SELECT, leaf first for BACKPROPAGATE), a
 *     single node, or target followed by sources for AGGREGATE
 * @param value the value shown (EVALUATE, BACKPROPAGATE), NaN otherwise
 * @param start start time in nanoseconds ({@link System#nanoTime()} clock)
 * @param duration duration in nanoseconds
 */
public record Effect(Kind kind, int[] nodes, double value, long start, long duration) {

    /** The animated event kinds. */
    public enum Kind { SELECT, EVALUATE, BACKPROPAGATE, PRUNE, AGGREGATE, SOLVE }

    /** Progress at {@code now}, 0 at the start and 1 at the end (clamped). */
    public double progress(long now) {
        if (duration <= 0) {
            return 1;
        }
        return Math.max(0, Math.min(1, (now - start) / (double) duration));
    }

    public boolean done(long now) {
        return now - start >= duration;
    }
}
