package org.rlmworkbench.runner.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * First event of every run: what runs on what, with which seed, in which trace format. The root
 * node follows as a NodeAdded. {@code format} is {@link #FORMAT} for traces written now; traces
 * written before it existed have none and read as version 1.
 */
public record RunStarted(String scheme, String problem, String instance, long seed, int format) implements RunEvent {

    /**
     * The trace format this runner writes. 2 added model calls ({@code model_called}) and written
     * steps ({@code written} on {@code node_added}); version 1 traces read unchanged.
     */
    public static final int FORMAT = 2;

    @JsonCreator
    public RunStarted(@JsonProperty("scheme") String scheme, @JsonProperty("problem") String problem,
                      @JsonProperty("instance") String instance, @JsonProperty("seed") long seed,
                      @JsonProperty("format") Integer format) {
        this(scheme, problem, instance, seed, format == null ? 1 : format.intValue());
    }

    /** A run starting now, in the current format. */
    public RunStarted(String scheme, String problem, String instance, long seed) {
        this(scheme, problem, instance, seed, FORMAT);
    }

    @Override
    public boolean changesGraph() {
        return false;
    }
}
