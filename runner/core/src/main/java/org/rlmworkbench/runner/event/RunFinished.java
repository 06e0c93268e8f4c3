package org.rlmworkbench.runner.event;

/**
 * Last event of a run: the Output node's result. {@code reason} is {@code completed} or
 * {@code cancelled}; {@code bestPath} the node ids from the root to the answer.
 */
public record RunFinished(String reason, boolean solved, String answer, int[] bestPath, int iterations, int nodes)
        implements RunEvent {
    @Override
    public boolean changesGraph() {
        return false;
    }
}
