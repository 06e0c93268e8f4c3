package org.rlmworkbench.runner.model;

/** A model call that failed or was cancelled; the message names the model or endpoint and the cause. */
public class ModelCallException extends Exception {

    private final boolean cancelled;

    public ModelCallException(String message, Throwable cause) {
        this(message, cause, false);
    }

    public ModelCallException(String message, Throwable cause, boolean cancelled) {
        super(message, cause);
        this.cancelled = cancelled;
    }

    /** Whether the call ended because its run was stopped, not because the model failed. */
    public boolean cancelled() {
        return cancelled;
    }
}
