package org.rlmworkbench.runner.event;

/**
 * A simulation of a batch descended to {@code leaf}: until its value is backed up, every node of
 * {@code path} (leaf first, the search root last) counts {@code count} (n_vl) virtual visits of
 * value {@code value} (-1) more, so that the next descent of the batch goes elsewhere (see
 * {@code graph.VirtualLoss}). Matched by a {@link VirtualLossRemoved} of the same leaf.
 */
public record VirtualLossAdded(int leaf, int[] path, int count, double value) implements RunEvent {
}
