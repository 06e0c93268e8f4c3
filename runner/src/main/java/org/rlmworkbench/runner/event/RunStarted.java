package org.rlmworkbench.runner.event;

/** First event of every run: what runs on what, with which seed. The root node follows as a NodeAdded. */
public record RunStarted(String scheme, String problem, String instance, long seed) implements RunEvent {
    @Override
    public boolean changesGraph() {
        return false;
    }
}
