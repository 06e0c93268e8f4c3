package org.rlmworkbench.graphview.view;

import org.rlmworkbench.graphview.model.Cue;

/**
 * One running animation of a run event, drawn over the graph until it has played out.
 *
 * @param kind what happened
 * @param nodes the nodes involved: a path (root first for SELECT, leaf first for BACKPROPAGATE), a
 *     single node, or target followed by sources for AGGREGATE
 * @param value the value shown (EVALUATE, BACKPROPAGATE), NaN otherwise
 * @param start start time in nanoseconds ({@link System#nanoTime()} clock)
 * @param duration duration in nanoseconds
 * @param visitsBefore for BACKPROPAGATE, each path node's N before the update (else null)
 * @param qBefore for BACKPROPAGATE, each path node's Q before the update (else null)
 */
public record Effect(Kind kind, int[] nodes, double value, long start, long duration, int[] visitsBefore,
                     double[] qBefore) {

    /**
     * The effect that shows {@code cue}, starting at {@code now} and lasting {@code duration}
     * nanoseconds (twice that for a solution); null for none.
     */
    public static Effect of(Cue cue, long now, long duration) {
        if (cue instanceof Cue.Select s) {
            return new Effect(Kind.SELECT, s.path(), Double.NaN, now, duration);
        } else if (cue instanceof Cue.Evaluate e) {
            return new Effect(Kind.EVALUATE, new int[] {e.node()}, e.value(), now, duration);
        } else if (cue instanceof Cue.Backpropagate b) {
            return new Effect(Kind.BACKPROPAGATE, b.path(), b.value(), now, duration, b.visitsBefore(), b.qBefore());
        } else if (cue instanceof Cue.Prune p) {
            return new Effect(Kind.PRUNE, new int[] {p.node()}, Double.NaN, now, duration);
        } else if (cue instanceof Cue.Solve s) {
            return new Effect(Kind.SOLVE, new int[] {s.node()}, Double.NaN, now, 2 * duration);
        } else if (cue instanceof Cue.Aggregate a) {
            int[] nodes = new int[a.sources().length + 1];
            nodes[0] = a.target();
            System.arraycopy(a.sources(), 0, nodes, 1, a.sources().length);
            return new Effect(Kind.AGGREGATE, nodes, Double.NaN, now, duration);
        }
        return null;
    }

    /** An effect without before-values. */
    public Effect(Kind kind, int[] nodes, double value, long start, long duration) {
        this(kind, nodes, value, start, duration, null, null);
    }

    /** The animated event kinds. */
    public enum Kind { SELECT, EVALUATE, BACKPROPAGATE, PRUNE, AGGREGATE, SOLVE }

    /** Progress at {@code now}, 0 at the start and 1 at the end (clamped). */
    public double progress(long now) {
        if (duration <= 0) {
            return 1;
        }
        return Math.max(0, Math.min(1, (now - start) / (double) duration));
    }

    /**
     * For a BACKPROPAGATE effect, whether its pulse has not yet reached path position {@code k}
     * (0 is the leaf) at {@code now}.
     */
    public boolean ahead(int k, long now) {
        return k > progress(now) * Math.max(0, nodes.length - 1);
    }

    public boolean done(long now) {
        return now - start >= duration;
    }
}
