package org.rlmworkbench.graphview.model;

/** Receives animation cues on the JavaFX thread, after the graph already reflects the event. */
@FunctionalInterface
public interface CueListener {
    void onCue(Cue cue);
}
