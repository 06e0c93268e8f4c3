package org.rlmworkbench.app;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;

/**
 * Remembers the window's size and the split panes' dividers between sessions (Java preferences,
 * under the user's home), so the layout a user arranged comes back.
 */
public final class LayoutMemory {
    private final Preferences prefs;

    public LayoutMemory(Preferences prefs) {
        this.prefs = prefs;
    }

    public static LayoutMemory forUser() {
        return new LayoutMemory(Preferences.userRoot().node("org/rlmworkbench/app/layout"));
    }

    public void restore(Stage stage, SplitPane... panes) {
        stage.setWidth(prefs.getDouble("width", 1500));
        stage.setHeight(prefs.getDouble("height", 900));
        for (SplitPane p : panes) {
            double[] d = p.getDividerPositions();
            for (int i = 0; i < d.length; i++) {
                d[i] = prefs.getDouble(p.getId() + "." + i, d[i]);
            }
            p.setDividerPositions(d);
        }
    }

    public void save(Stage stage, SplitPane... panes) {
        if (!stage.isFullScreen()) {
            prefs.putDouble("width", stage.getWidth());
            prefs.putDouble("height", stage.getHeight());
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
