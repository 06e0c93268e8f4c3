package org.rlmworkbench.runner.event;

/**
 * Last event of a run: the Output node's result. {@code reason} is {@code completed} or
 * {@code cancelled}; {@code bestPath} the node ids from the root to the answer.
 */
public record RunFinished(String reason, boolean solved, String answer, int[] bestPath, int iterations, int nodes)
        implements RunEvent {

    /** The reason of a run that reached its Output node. */
    public static final String COMPLETED = "completed";
    /** The reason of a run stopped by its user. */
    public static final String CANCELLED = "cancelled";

    /** Whether the run was stopped rather than finished. */
    public boolean cancelled() {
        return CANCELLED.equals(reason);
    }

    @Override
    public boolean changesGraph() {
        return false;
    }
}
