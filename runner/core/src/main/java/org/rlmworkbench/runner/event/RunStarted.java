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
     * The newest trace format this runner writes. 2 added model calls ({@code model_called}) and
     * written steps ({@code written} on {@code node_added}); 3 added batched selection
     * ({@code leaves_selected}, {@code virtual_loss_added}, {@code virtual_loss_removed}, and a
     * candidate's {@code inFlight}). Older traces read unchanged.
     */
    public static final int FORMAT = 3;

    /**
     * The format of a run that selects no batches: its trace has no event of format 3, so it says 2
     * and stays byte for byte what it was before batches existed (and older workbenches read it).
     */
    public static final int FORMAT_WITHOUT_BATCHES = 2;

    @JsonCreator
    public RunStarted(@JsonProperty("scheme") String scheme, @JsonProperty("problem") String problem,
                      @JsonProperty("instance") String instance, @JsonProperty("seed") long seed,
                      @JsonProperty("format") Integer format) {
        this(scheme, problem, instance, seed, format == null ? 1 : format.intValue());
    }

    /** A run without batched selection starting now (format {@link #FORMAT_WITHOUT_BATCHES}). */
    public RunStarted(String scheme, String problem, String instance, long seed) {
        this(scheme, problem, instance, seed, FORMAT_WITHOUT_BATCHES);
    }

    @Override
    public boolean changesGraph() {
        return false;
    }
}
