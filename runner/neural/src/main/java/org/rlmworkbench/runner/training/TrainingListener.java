package org.rlmworkbench.runner.training;

/** Receives a training run's events on the training thread; one method for the sealed family. */
@FunctionalInterface
public interface TrainingListener {
    void onEvent(TrainingEvent event);

    /** A listener that ignores everything. */
    static TrainingListener none() {
        return e -> {
        };
    }
}
