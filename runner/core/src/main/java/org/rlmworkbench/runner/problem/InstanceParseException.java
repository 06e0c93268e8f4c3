package org.rlmworkbench.runner.problem;

/** An instance or state text that a problem cannot read; the message says what and where. */
public class InstanceParseException extends Exception {
    public InstanceParseException(String message) {
        super(message);
    }
}
