package org.rlmworkbench.editor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.stage.Window;
import org.rlmworkbench.editor.model.RecoveryStore;
import org.rlmworkbench.editor.view.EditorDialogs;
import org.rlmworkbench.runner.scheme.SchemeError;

/** Answers the editor's questions from a script and records what it was shown. */
final class ScriptedDialogs implements EditorDialogs {

    Path saveTo;
    Path openFrom;
    UnsavedChoice unsaved = UnsavedChoice.CANCEL;
    boolean recover = true;
    String template;
    final List<String> asked = new ArrayList<>();
    final List<SchemeError> shown = new ArrayList<>();
    final List<String> failures = new ArrayList<>();

    @Override
    public Optional<Path> chooseFileToOpen(Window owner) {
        asked.add("open");
        return Optional.ofNullable(openFrom);
    }

    @Override
    public Optional<Path> chooseFileToSave(Window owner, String suggestedName) {
        asked.add("save as " + suggestedName);
        return Optional.ofNullable(saveTo);
    }

    @Override
    public UnsavedChoice askAboutUnsaved(Window owner, String what) {
        asked.add("unsaved " + what);
        return unsaved;
    }

    @Override
    public boolean askToRecover(Window owner, RecoveryStore.Recovered recovered) {
        asked.add("recover " + recovered.scheme().name());
        return recover;
    }

    @Override
    public Optional<String> chooseTemplate(Window owner) {
        asked.add("template");
        return Optional.ofNullable(template);
    }

    @Override
    public void showMessages(Window owner, String header, List<SchemeError> messages) {
        asked.add("messages " + header);
        shown.addAll(messages);
    }

    @Override
    public void showFailure(Window owner, String header, String message) {
        failures.add(header + ": " + message);
    }
}
