package org.rlmworkbench.runner.event;

/**
 * Receives a run's events in order, on the run's thread. One method for the whole sealed family:
 * switch on the event's type.
 */
@FunctionalInterface
public interface RunListener {
    void onEvent(RunEvent event);
}
