package org.rlmworkbench.runner.training;

/** The training run was cancelled; finished phases keep their checkpoints, so it can be resumed. */
public final class TrainingCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrainingCancelledException() {
        super("training cancelled");
    }
}
