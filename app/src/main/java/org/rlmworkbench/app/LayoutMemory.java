package org.rlmworkbench.app;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Remembers the window's size and the split panes' dividers between sessions (Java preferences,
 * under the user's home), so the layout a user arranged comes back. The size is kept per screen
 * size, and a window never opens larger than the screen it opens on (a 1280x720 projector shows
 * its menu bar, tool bars, timeline and status line).
 */
public final class LayoutMemory {
    private final Preferences prefs;

    public LayoutMemory(Preferences prefs) {
        this.prefs = prefs;
    }

    public static LayoutMemory forUser() {
        return new LayoutMemory(Preferences.userRoot().node("org/rlmworkbench/app/layout"));
    }

    /** The window's size when nothing is remembered for this screen. */
    static final double DEFAULT_WIDTH = 1500;
    static final double DEFAULT_HEIGHT = 900;

    public void restore(Stage stage, SplitPane... panes) {
        restore(stage, Screen.getPrimary().getVisualBounds(), panes);
    }

    /** Sizes the window for a screen whose usable area is {@code screen}, and restores the dividers. */
    void restore(Stage stage, Rectangle2D screen, SplitPane... panes) {
        String key = screenKey(screen);
        double w = Math.min(prefs.getDouble(key + ".width", DEFAULT_WIDTH), screen.getWidth());
        double h = Math.min(prefs.getDouble(key + ".height", DEFAULT_HEIGHT), screen.getHeight());
        stage.setWidth(w);
        stage.setHeight(h);
        stage.setX(screen.getMinX() + (screen.getWidth() - w) / 2);
        stage.setY(screen.getMinY() + (screen.getHeight() - h) / 2);
        for (SplitPane p : panes) {
            double[] d = p.getDividerPositions();
            for (int i = 0; i < d.length; i++) {
                d[i] = prefs.getDouble(p.getId() + "." + i, d[i]);
            }
            p.setDividerPositions(d);
        }
    }

    private static String screenKey(Rectangle2D screen) {
        return "screen-" + Math.round(screen.getWidth()) + "x" + Math.round(screen.getHeight());
    }

    public void save(Stage stage, SplitPane... panes) {
        if (!stage.isFullScreen()) {
            var screens = Screen.getScreensForRectangle(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            String key = screenKey((screens.isEmpty() ? Screen.getPrimary() : screens.get(0)).getVisualBounds());
            prefs.putDouble(key + ".width", stage.getWidth());
            prefs.putDouble(key + ".height", stage.getHeight());
        }
        for (SplitPane p : panes) {
            double[] d = p.getDividerPositions();
            for (int i = 0; i < d.length; i++) {
                prefs.putDouble(p.getId() + "." + i, d[i]);
            }
        }
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            // the layout is a convenience: losing it must not stop the app from closing
        }
    }
}
