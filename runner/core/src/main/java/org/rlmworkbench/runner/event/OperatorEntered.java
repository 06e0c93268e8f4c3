package org.rlmworkbench.runner.event;

/**
 * The interpreter starts applying the scheme node {@code nodeId} (step number {@code step}) to the
 * working set {@code input}.
 */
public record OperatorEntered(int step, String nodeId, String operator, int[] input) implements RunEvent {
    @Override
    public boolean changesGraph() {
        return false;
    }
}
