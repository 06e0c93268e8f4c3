package org.rlmworkbench.editor;

import javafx.application.Application;

/**
 * Starts the scheme editor on its own. Options: {@code --template <name>} opens a built-in scheme,
 * {@code --open <file>} opens a scheme file, {@code --tidy} lays it out again, {@code --select <id>}
 * selects a node, {@code --snapshot <png>} saves a picture of the window once it is shown and quits
 * (for documentation). With none of these, unsaved work of a crashed session is offered back. A plain class, so it starts from a class path.
 */
public final class SchemeEditorApp {

    private SchemeEditorApp() {
    }

    public static void main(String[] args) {
        Application.launch(EditorApplication.class, args);
    }
}
