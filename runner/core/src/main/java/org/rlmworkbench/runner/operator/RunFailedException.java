package org.rlmworkbench.runner.operator;


/** A run that cannot go on, with a message naming the scheme node at fault. */
public class RunFailedException extends RuntimeException {
    public RunFailedException(String message) {
        super(message);
    }

    public RunFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
