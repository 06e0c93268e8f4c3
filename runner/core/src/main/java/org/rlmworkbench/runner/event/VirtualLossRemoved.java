package org.rlmworkbench.runner.event;

/**
 * The virtual loss a {@link VirtualLossAdded} put on {@code path} (leaf first) was taken back,
 * just before the leaf's real value is backed up (or at the end of the iteration or the run when
 * no value came).
 */
public record VirtualLossRemoved(int leaf, int[] path, int count) implements RunEvent {
}
