package org.rlmworkbench.runner.graph;

import java.util.Arrays;

/**
 * Immutable snapshot of a reasoning node: structure, step text and statistics.
 *
 * @param value last value estimate V, NaN when never evaluated
 * @param reward reward R, NaN when unknown
 * @param written how a model wrote the step (raw text, rejection reason, count), or null
 */
public record NodeView(int id, int[] parents, int depth, String text, double prior, int visits, double q,
                       double value, double reward, boolean terminal, boolean solved, boolean pruned,
                       boolean aggregated, boolean hasNested, WrittenStep written) {

    /** Whether a model wrote this step and the problem rejected it. */
    public boolean invalid() {
        return written != null && written.invalid();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeView v && id == v.id && Arrays.equals(parents, v.parents) && depth == v.depth
                && text.equals(v.text) && Double.compare(prior, v.prior) == 0 && visits == v.visits
                && Double.compare(q, v.q) == 0 && Double.compare(value, v.value) == 0
                && Double.compare(reward, v.reward) == 0 && terminal == v.terminal && solved == v.solved
                && pruned == v.pruned && aggregated == v.aggregated && hasNested == v.hasNested
                && java.util.Objects.equals(written, v.written);
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(id) * 31 + text.hashCode();
    }

    @Override
    public String toString() {
        return "#" + id + " '" + text + "' N=" + visits + " Q=" + q + " P=" + prior + " V=" + value + " R=" + reward
                + (terminal ? " terminal" : "") + (solved ? " solved" : "") + (pruned ? " pruned" : "")
                + (invalid() ? " invalid: " + written.reason() : "");
    }
}
