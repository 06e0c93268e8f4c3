package org.rlmworkbench.runner.trace;

import java.io.IOException;

/** Another run is writing the same trace file right now; the message names the file. */
public final class TraceBusyException extends IOException {
    private static final long serialVersionUID = 1L;

    public TraceBusyException(String message) {
        super(message);
    }
}
