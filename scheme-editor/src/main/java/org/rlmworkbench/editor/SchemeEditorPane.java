package org.rlmworkbench.editor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import javafx.util.Duration;
import org.rlmworkbench.editor.model.EditorPaths;
import org.rlmworkbench.editor.model.SchemeEditorModel;
import org.rlmworkbench.editor.view.EditorDialogs;
import org.rlmworkbench.editor.view.FxEditorDialogs;
import org.rlmworkbench.editor.view.PaletteView;
import org.rlmworkbench.editor.view.ProblemsView;
import org.rlmworkbench.editor.view.PropertySheet;
import org.rlmworkbench.editor.view.SchemeCanvas;
import org.rlmworkbench.runner.scheme.NodeType;
import org.rlmworkbench.runner.scheme.Position;
import org.rlmworkbench.runner.scheme.SchemeError;
import org.rlmworkbench.runner.scheme.SchemeLoad;

/**
 * The scheme editor as one JavaFX node to embed: menus and tool bar, the palette, the canvas, the
 * property sheet and the problems list over one {@link SchemeEditorModel}. The layout is in
 * {@code SchemeEditorPane.fxml}, the looks in {@code scheme-editor.css}; this class only connects
 * the parts and turns menu actions into model commands.
 *
 * <pre>{@code
 * SchemeEditorPane editor = new SchemeEditorPane();
 * editor.model().openTemplate("mcts");
 * stage.setScene(new Scene(editor, 1400, 900));
 * stage.setOnCloseRequest(e -> { if (!editor.confirmClose()) e.consume(); });
 * }</pre>
 */
public final class SchemeEditorPane extends BorderPane {

    /** How long after the last change unsaved work is written to the recovery file. */
    public static final Duration AUTOSAVE_DELAY = Duration.seconds(2);

    private final SchemeEditorModel model;
    private final EditorDialogs dialogs;
    private final SchemeCanvas canvas;
    private final PaletteView palette = new PaletteView();
    private final PauseTransition autosave = new PauseTransition(AUTOSAVE_DELAY);

    @FXML private StackPane paletteHolder;
    @FXML private StackPane canvasHolder;
    @FXML private StackPane problemsHolder;
    @FXML private StackPane propertiesHolder;
    @FXML private Label problemsTitle;
    @FXML private Label statusLabel;
    @FXML private MenuBar menuBar;
    @FXML private Menu recentMenu;
    @FXML private MenuItem undoItem;
    @FXML private MenuItem redoItem;
    @FXML private MenuItem pasteItem;
    @FXML private Button undoButton;
    @FXML private Button redoButton;
    @FXML private Button saveButton;

    /** An editor with the default config directory and real dialogs. */
    public SchemeEditorPane() {
        this(new SchemeEditorModel(EditorPaths.defaults()), new FxEditorDialogs());
    }

    public SchemeEditorPane(SchemeEditorModel model, EditorDialogs dialogs) {
        this.model = model;
        this.dialogs = dialogs;
        FXMLLoader loader = new FXMLLoader(SchemeEditorPane.class.getResource("SchemeEditorPane.fxml"));
        loader.setRoot(this);
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load SchemeEditorPane.fxml", e);
        }
        getStylesheets().add(SchemeEditorPane.class.getResource("scheme-editor.css").toExternalForm());
        canvas = new SchemeCanvas(model);
        canvas.setId("scheme-canvas");
        canvasHolder.getChildren().add(canvas);
        paletteHolder.getChildren().add(palette);
        problemsHolder.getChildren().add(new ProblemsView(model));
        propertiesHolder.getChildren().add(new PropertySheet(model));
        bind();
    }

    private void bind() {
        palette.setOnItemDragged((type, e) -> canvas.previewDrop(e.getSceneX(), e.getSceneY()));
        palette.setOnItemDropped(this::dropped);
        palette.setOnItemActivated(type -> model.addNode(type, centre()));
        undoItem.textProperty().bind(Bindings.concat("Undo ", model.undoLabelProperty()));
        redoItem.textProperty().bind(Bindings.concat("Redo ", model.redoLabelProperty()));
        undoItem.disableProperty().bind(model.canUndoProperty().not());
        redoItem.disableProperty().bind(model.canRedoProperty().not());
        undoButton.disableProperty().bind(model.canUndoProperty().not());
        redoButton.disableProperty().bind(model.canRedoProperty().not());
        saveButton.textProperty().bind(Bindings.when(model.dirtyProperty()).then("Save*").otherwise("Save"));
        model.problems().addListener((ListChangeListener<SchemeError>) c -> updateStatus());
        model.schemeProperty().addListener((o, a, b) -> {
            updateStatus();
            autosave.playFromStart();
        });
        model.fileProperty().addListener((o, a, b) -> updateStatus());
        autosave.setOnFinished(e -> model.autosave());
        model.recentFiles().addListener((ListChangeListener<Path>) c -> updateRecent());
        updateRecent();
        updateStatus();
    }

    private void dropped(NodeType type, MouseEvent e) {
        canvas.endPreview();
        if (canvas.containsScene(e.getSceneX(), e.getSceneY())) {
            model.addNode(type, canvas.dropPosition(e.getSceneX(), e.getSceneY()));
            canvas.requestFocus();
        }
    }

    private Position centre() {
        var p = canvas.localToScene(canvas.getWidth() / 2, canvas.getHeight() / 2);
        return canvas.dropPosition(p.getX(), p.getY());
    }

    private void updateStatus() {
        long errors = model.problems().stream().filter(SchemeError::isError).count();
        long warnings = model.problems().size() - errors;
        problemsTitle.setText("Problems: " + errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings
                + " warning" + (warnings == 1 ? "" : "s"));
        Path f = model.getFile();
        statusLabel.setText((f == null ? "not saved yet" : f.toString()) + (model.isDirty() ? "  (modified)" : "")
                + "   ·   " + model.getScheme().nodes().size() + " nodes, " + model.getScheme().wires().size()
                + " wires" + (errors == 0 ? "   ·   runnable" : ""));
    }

    private void updateRecent() {
        recentMenu.getItems().clear();
        for (Path p : model.recentFiles()) {
            MenuItem item = new MenuItem(p.toString());
            item.setOnAction(e -> {
                if (confirmDiscardOrSave()) {
                    openFile(p);
                }
            });
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    // ---------------------------------------------------------------- public API

    public SchemeEditorModel model() {
        return model;
    }

    public SchemeCanvas canvas() {
        return canvas;
    }

    public PaletteView palette() {
        return palette;
    }

    /**
     * Takes the editor's menus out of its own menu bar, for a host window that shows them in its
     * single menu bar: two menu bars in one scene would claim the same shortcuts. The menus keep
     * their actions; the host decides which accelerators stay.
     */
    public List<Menu> detachMenus() {
        if (menuBar.getParent() instanceof javafx.scene.layout.Pane p) {
            p.getChildren().remove(menuBar);
        }
        List<Menu> menus = List.copyOf(menuBar.getMenus());
        menuBar.getMenus().clear();
        return menus;
    }

    /** Opens a file, showing the reader's and validator's messages when there are errors. */
    public SchemeLoad openFile(Path file) {
        SchemeLoad load = model.open(file);
        if (load.scheme() == null) {
            dialogs.showMessages(window(), "Cannot open " + file.getFileName() + ": it is not a scheme this editor "
                    + "can read", load.errors());
        } else if (load.hasErrors()) {
            dialogs.showMessages(window(), file.getFileName() + " has errors; they are listed under Problems",
                    load.errors());
        }
        canvas.fitWhenShown();
        return load;
    }

    /** Opens a built-in scheme as a new untitled scheme. */
    public void openTemplate(String name) {
        model.openTemplate(name);
        canvas.fitWhenShown();
    }

    /** Asks about unsaved work; false when the user cancels. Call before closing the window. */
    public boolean confirmClose() {
        if (!confirmDiscardOrSave()) {
            return false;
        }
        autosave.stop();
        model.closed();
        return true;
    }

    /** Offers work an earlier session left unsaved, if there is any. */
    public void offerRecovery() {
        model.pendingRecovery().ifPresent(r -> {
            if (dialogs.askToRecover(window(), r)) {
                model.restore(r);
                canvas.fitWhenShown();
            } else {
                model.discardRecovery();
            }
        });
    }

    private boolean confirmDiscardOrSave() {
        if (!model.isDirty()) {
            return true;
        }
        String what = model.getFile() == null ? "'" + model.getScheme().name() + "'" : model.getFile().getFileName().toString();
        return switch (dialogs.askAboutUnsaved(window(), what)) {
            case SAVE -> save();
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    // ---------------------------------------------------------------- menu actions

    @FXML
    void newScheme() {
        if (confirmDiscardOrSave()) {
            model.newScheme();
            canvas.resetView();
        }
    }

    @FXML
    void newFromTemplate() {
        if (confirmDiscardOrSave()) {
            dialogs.chooseTemplate(window()).ifPresent(this::openTemplate);
        }
    }

    @FXML
    void open() {
        if (confirmDiscardOrSave()) {
            dialogs.chooseFileToOpen(window()).ifPresent(this::openFile);
        }
    }

    /** Saves to the current file, or asks for one; true when saved. */
    @FXML
    public boolean save() {
        if (model.getFile() == null) {
            return saveAs();
        }
        try {
            model.save();
            return true;
        } catch (IOException | RuntimeException e) {
            dialogs.showFailure(window(), "Cannot save", e.getMessage() + "\nThe file on disk is unchanged.");
            return false;
        }
    }

    /** Asks for a file and saves to it; true when saved. */
    @FXML
    public boolean saveAs() {
        Optional<Path> p = dialogs.chooseFileToSave(window(), model.getScheme().name());
        if (p.isEmpty()) {
            return false;
        }
        try {
            model.saveAs(p.get());
            return true;
        } catch (IOException | RuntimeException e) {
            dialogs.showFailure(window(), "Cannot save", e.getMessage() + "\nThe file on disk is unchanged.");
            return false;
        }
    }

    @FXML
    void undo() {
        model.undo();
    }

    @FXML
    void redo() {
        model.redo();
    }

    @FXML
    void cut() {
        model.cut();
    }

    @FXML
    void copy() {
        model.copy();
    }

    @FXML
    void paste() {
        model.paste();
    }

    @FXML
    void duplicate() {
        model.duplicate();
    }

    @FXML
    void delete() {
        model.deleteSelection();
    }

    @FXML
    void selectAll() {
        model.selectAll();
    }

    @FXML
    void toggleBreakpoint() {
        List.copyOf(model.selectedNodes()).forEach(model::toggleBreakpoint);
    }

    @FXML
    void tidy() {
        model.tidy();
        canvas.fitToContent();
    }

    @FXML
    void zoomIn() {
        canvas.zoomIn();
    }

    @FXML
    void zoomOut() {
        canvas.zoomOut();
    }

    @FXML
    void fit() {
        canvas.fitToContent();
    }

    @FXML
    void actualSize() {
        canvas.resetView();
    }
}
