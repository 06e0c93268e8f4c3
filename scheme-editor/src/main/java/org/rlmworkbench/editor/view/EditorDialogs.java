package org.rlmworkbench.editor.view;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.Window;
import org.rlmworkbench.editor.model.RecoveryStore;
import org.rlmworkbench.runner.scheme.SchemeError;

/**
 * The questions the editor asks the user, behind one small interface so tests (and an embedding
 * application) can answer them without windows. {@link FxEditorDialogs} asks with real dialogs.
 */
public interface EditorDialogs {

    /** What to do with unsaved changes. */
    enum UnsavedChoice { SAVE, DISCARD, CANCEL }

    Optional<Path> chooseFileToOpen(Window owner);

    Optional<Path> chooseFileToSave(Window owner, String suggestedName);

    UnsavedChoice askAboutUnsaved(Window owner, String what);

    boolean askToRecover(Window owner, RecoveryStore.Recovered recovered);

    Optional<String> chooseTemplate(Window owner);

    void showMessages(Window owner, String header, List<SchemeError> messages);

    void showFailure(Window owner, String header, String message);
}
