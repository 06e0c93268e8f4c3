package org.rlmworkbench.runner.training;

/** What a training run reports as it goes: enough for a progress bar and a live loss chart. */
public sealed interface TrainingEvent {

    /** A phase began. */
    record PhaseStarted(int phase, int phases) implements TrainingEvent {
    }

    /** Searching: {@code done} of {@code total} instances of {@code split} searched, {@code solved} solved. */
    record SearchProgress(int phase, String split, int done, int total, int solved) implements TrainingEvent {
    }

    /** One epoch of one network ended; {@code validationLoss} is NaN when there is no validation data. */
    record EpochFinished(int phase, String network, int epoch, double trainLoss, double validationLoss)
            implements TrainingEvent {
    }

    /** A network stopped training in this phase; {@code early} when early stopping ended it. */
    record NetworkTrained(int phase, String network, int epochs, double bestValidationLoss, boolean early)
            implements TrainingEvent {
    }

    /** A phase ended and its checkpoint is in {@code checkpoint}; {@code resumed} when loaded, not trained. */
    record PhaseFinished(int phase, String checkpoint, double searchSolveRate, boolean resumed)
            implements TrainingEvent {
    }
}
