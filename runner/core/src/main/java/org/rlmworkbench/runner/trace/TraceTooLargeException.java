package org.rlmworkbench.runner.trace;

/** A trace reached its size limit; the run that wrote it is stopped, the lines so far are kept. */
public final class TraceTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long limitBytes;

    public TraceTooLargeException(String message, long limitBytes) {
        super(message);
        this.limitBytes = limitBytes;
    }

    /** The limit that was reached, in bytes. */
    public long limitBytes() {
        return limitBytes;
    }
}
