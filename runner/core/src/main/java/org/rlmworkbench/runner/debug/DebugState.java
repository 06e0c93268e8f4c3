package org.rlmworkbench.runner.debug;

/** Where a debugged run stands. */
public enum DebugState {
    /** Not started yet. */
    READY,
    /** The run's thread is working. */
    RUNNING,
    /** Stopped between two events, waiting for a command. */
    PAUSED,
    /** The Output node was reached. */
    FINISHED,
    /** Cancelled by the user. */
    CANCELLED,
    /** The run stopped with an error; see {@link Debugger#failure()}. */
    FAILED
}
