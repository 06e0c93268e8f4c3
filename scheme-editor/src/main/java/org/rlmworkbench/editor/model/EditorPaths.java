package org.rlmworkbench.editor.model;

import java.nio.file.Path;

/**
 * Where the editor keeps its own files (recent files, the recovery file): the directory named by
 * the system property {@code rlm.config.dir}, else {@code $XDG_CONFIG_HOME/rlm-workbench}, else
 * {@code ~/.config/rlm-workbench}. Nothing is created until something is written.
 */
public record EditorPaths(Path configDir) {

    /** The default location, as described above. */
    public static EditorPaths defaults() {
        String prop = System.getProperty("rlm.config.dir");
        if (prop != null && !prop.isBlank()) {
            return new EditorPaths(Path.of(prop));
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new EditorPaths(base.resolve("rlm-workbench"));
    }

    /** Where copies of built-in schemes that the user edited and saved go. */
    public Path userSchemes() {
        return configDir.resolve("schemes");
    }

    public Path recentFiles() {
        return configDir.resolve("scheme-editor-recent.json");
    }

    public Path recoveryScheme() {
        return configDir.resolve("scheme-editor-recovery.json");
    }

    public Path recoveryInfo() {
        return configDir.resolve("scheme-editor-recovery.info");
    }
}
