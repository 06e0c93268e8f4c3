package org.rlmworkbench.runner.event;

/** A Loop node starts iteration {@code iteration} (1-based) of at most {@code budget}. */
public record LoopIteration(String loopId, int iteration, int budget) implements RunEvent {
    @Override
    public boolean changesGraph() {
        return false;
    }
}
