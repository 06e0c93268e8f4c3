package org.rlmworkbench.runner.debug;

/** Told when a debugged run changes state; called on the run's thread or the caller's. */
@FunctionalInterface
public interface DebugListener {
    void stateChanged(DebugState state, long eventsSoFar);
}
