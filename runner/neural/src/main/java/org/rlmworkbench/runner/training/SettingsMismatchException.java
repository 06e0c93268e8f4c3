package org.rlmworkbench.runner.training;

/** A training directory made with other settings than the run's; the message lists the differences. */
public final class SettingsMismatchException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public SettingsMismatchException(String message) {
        super(message);
    }
}
