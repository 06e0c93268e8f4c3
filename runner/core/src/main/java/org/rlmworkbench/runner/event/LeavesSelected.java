package org.rlmworkbench.runner.event;

/**
 * A batched Select ({@code batch} > 1) chose {@code leaves} together, to be expanded and evaluated
 * in one call: the distinct leaves of its {@code descents} descents, in the order first reached
 * (two descents that end on the same leaf, a collision, give it once).
 */
public record LeavesSelected(String nodeId, int[] leaves, int descents) implements RunEvent {

    @Override
    public boolean changesGraph() {
        return false;
    }
}
