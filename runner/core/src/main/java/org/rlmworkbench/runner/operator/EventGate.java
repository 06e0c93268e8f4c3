package org.rlmworkbench.runner.operator;

import org.rlmworkbench.runner.event.RunEvent;

/**
 * Called after every event has reached the listeners; may block the run's thread (pause,
 * stepping) or throw {@link RunCancelledException}. The debugger is one.
 */
@FunctionalInterface
public interface EventGate {
    void afterEvent(long index, RunEvent event);
}
