package org.rlmworkbench.graphview.model;

/**
 * A moment of a run worth animating, derived one-to-one from a runner event. The view turns each cue
 * into a short visual effect; a view in no-animation mode ignores them.
 */
public sealed interface Cue {

    /** Select chose {@code path}'s last node; the path runs from the root down. */
    record Select(int[] path) implements Cue {
    }

    /** Evaluate gave {@code node} the value {@code value}. */
    record Evaluate(int node, double value) implements Cue {
    }

    /**
     * Backpropagate carried {@code value} up {@code path}, leaf first; {@code visitsBefore} and
     * {@code qBefore} are each path node's N and Q before the update, so that a view can change the
     * numbers as its pulse passes.
     */
    record Backpropagate(int[] path, double value, int[] visitsBefore, double[] qBefore) implements Cue {
    }

    /** Prune removed {@code node} from the search. */
    record Prune(int node) implements Cue {
    }

    /** Aggregate merged {@code sources} into {@code target}. */
    record Aggregate(int target, int[] sources) implements Cue {
    }

    /** The verifier accepted {@code node}. */
    record Solve(int node) implements Cue {
    }
}
