package org.rlmworkbench.graphview.demo;

import javafx.application.Application;

/**
 * Plays a recorded JSON Lines trace (from {@code workbench run --trace}) in a window, so that the
 * graph view can be seen without the app.
 *
 * <p>Usage: {@code TraceViewerDemo trace.jsonl [speed|max] [--snapshot out.png]}. The speed multiplies
 * the base rate of 40 events per second; {@code max} applies the whole trace at once without
 * animation. With {@code --snapshot} the demo plays the trace, selects the answer node, saves a PNG
 * of the window and exits. A separate launcher class, because a main class that extends
 * {@link Application} cannot start from the class path.
 */
public final class TraceViewerDemo {

    private TraceViewerDemo() {
    }

    public static void main(String[] args) {
        Application.launch(TraceViewerWindow.class, args);
    }
}
