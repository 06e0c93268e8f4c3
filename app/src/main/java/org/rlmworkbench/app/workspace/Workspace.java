package org.rlmworkbench.app.workspace;

import java.util.List;
import org.rlmworkbench.app.session.RunSetup;
import org.rlmworkbench.runner.event.RunEvent;

/**
 * What a workspace file holds: the run's setup (scheme, problem, instance, models, seed, budget)
 * and, optionally, the recorded trace, so reopening restores the run at its last event.
 */
public record Workspace(RunSetup setup, List<RunEvent> trace) {
    public Workspace {
        trace = trace == null ? List.of() : List.copyOf(trace);
    }
}
