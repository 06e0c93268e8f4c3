package org.rlmworkbench.runner.trace;

import java.io.IOException;

/** A trace file with a line that is not an event; the message names the file and line. */
public class TraceFormatException extends IOException {
    public TraceFormatException(String message) {
        super(message);
    }
}
