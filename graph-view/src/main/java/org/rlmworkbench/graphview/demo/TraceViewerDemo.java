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
        // checked before the toolkit starts, so a bad argument or trace is a message and exit code 2
        if (TraceViewerArgs.parseOrReport(java.util.List.of(args), System.err) == null) {
            System.exit(2);
        }
        Application.launch(TraceViewerWindow.class, args);
    }
}
