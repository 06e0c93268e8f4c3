package org.rlmworkbench.editor.view;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.rlmworkbench.editor.model.RecoveryStore;
import org.rlmworkbench.runner.scheme.SchemeError;

/** {@link EditorDialogs} with JavaFX file choosers and alerts. */
public final class FxEditorDialogs implements EditorDialogs {

    private static final FileChooser.ExtensionFilter JSON =
            new FileChooser.ExtensionFilter("Scheme files (*.json)", "*.json");

    @Override
    public Optional<Path> chooseFileToOpen(Window owner) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open scheme");
        fc.getExtensionFilters().add(JSON);
        File f = fc.showOpenDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(Window owner, String suggestedName) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Save scheme as");
        fc.getExtensionFilters().add(JSON);
        fc.setInitialFileName(suggestedName + ".json");
        File f = fc.showSaveDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public UnsavedChoice askAboutUnsaved(Window owner, String what) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Save the changes to " + what + " first?", save, discard,
                ButtonType.CANCEL);
        a.initOwner(owner);
        a.setHeaderText("Unsaved changes");
        ButtonType r = a.showAndWait().orElse(ButtonType.CANCEL);
        return r == save ? UnsavedChoice.SAVE : r == discard ? UnsavedChoice.DISCARD : UnsavedChoice.CANCEL;
    }

    @Override
    public boolean askToRecover(Window owner, RecoveryStore.Recovered r) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "The editor closed without saving '" + r.scheme().name()
                + "'" + (r.file() == null ? "" : " (" + r.file().getFileName() + ")") + ". Autosaved at " + r.savedAt()
                + ". Recover it?", ButtonType.YES, ButtonType.NO);
        a.initOwner(owner);
        a.setHeaderText("Recover unsaved work");
        return a.showAndWait().orElse(ButtonType.NO) == ButtonType.YES;
    }

    @Override
    public Optional<String> chooseTemplate(Window owner) {
        TemplatesDialog d = new TemplatesDialog();
        d.initOwner(owner);
        return d.showAndWait();
    }

    @Override
    public void showMessages(Window owner, String header, List<SchemeError> messages) {
        Alert a = new Alert(messages.stream().anyMatch(SchemeError::isError) ? Alert.AlertType.WARNING
                : Alert.AlertType.INFORMATION);
        a.initOwner(owner);
        a.setHeaderText(header);
        TextArea t = new TextArea(messages.stream().map(SchemeError::toString).collect(Collectors.joining("\n")));
        t.setEditable(false);
        t.setWrapText(true);
        a.getDialogPane().setContent(t);
        a.showAndWait();
    }

    @Override
    public void showFailure(Window owner, String header, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message);
        a.initOwner(owner);
        a.setHeaderText(header);
        a.showAndWait();
    }
}
