package org.rlmworkbench.runner.trace;

import java.util.List;
import org.rlmworkbench.runner.event.RunEvent;

/**
 * What reading a trace file gave: its events, and a warning when the file ends in a cut line
 * (a run stopped while writing it), whose events before it are kept.
 *
 * @param warning null when the file is whole
 */
public record TraceContents(List<RunEvent> events, String warning) {
    public TraceContents {
        events = List.copyOf(events);
    }
}
