package org.rlmworkbench.runner.event;

/** The scheme node {@code nodeId} finished its step; {@code output} is the working set it passes on. */
public record OperatorLeft(int step, String nodeId, String operator, int[] output, String port) implements RunEvent {
    @Override
    public boolean changesGraph() {
        return false;
    }
}
