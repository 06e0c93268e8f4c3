package org.rlmworkbench.runner.graph;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How a model wrote a node's step: the text exactly as written, the problem's reason for rejecting
 * it ({@code null} when the step is legal), how many samples proposed it (duplicates that reach the
 * same state merge into one node) and the index of the model call that wrote it (its
 * {@code ModelCalled} event), or -1 when unknown.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WrittenStep(String raw, String reason, int count, int call) {

    /** A written step the problem accepted. */
    public static WrittenStep valid(String raw, int count, int call) {
        return new WrittenStep(raw, null, count, call);
    }

    /** A written step the problem rejected, with its reason. */
    public static WrittenStep invalid(String raw, String reason, int count, int call) {
        return new WrittenStep(raw, reason, count, call);
    }

    /** Whether the problem rejected the step. */
    public boolean invalid() {
        return reason != null;
    }

    /** The same step proposed once more. */
    public WrittenStep plusOne() {
        return new WrittenStep(raw, reason, count + 1, call);
    }
}
