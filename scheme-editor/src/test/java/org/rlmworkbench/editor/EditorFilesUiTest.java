package org.rlmworkbench.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.editor.model.EditorPaths;
import org.rlmworkbench.editor.model.SchemeEditorModel;
import org.rlmworkbench.editor.view.EditorDialogs;
import org.rlmworkbench.editor.view.TemplatesDialog;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;
import org.rlmworkbench.runner.scheme.NodeType;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.scheme.Wire;
import org.testfx.framework.junit5.ApplicationTest;

/** Files through the window: templates, open, save, dirty marker, prompts, autosave and recovery. */
class EditorFilesUiTest extends ApplicationTest {

    @TempDir
    Path dir;
    EditorPaths paths;
    SchemeEditorModel model;
    SchemeEditorPane editor;
    ScriptedDialogs dialogs = new ScriptedDialogs();
    Stage stage;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        paths = new EditorPaths(dir.resolve("config"));
        model = new SchemeEditorModel(paths);
        editor = new SchemeEditorPane(model, dialogs);
        stage.setScene(new Scene(editor, 1600, 1000));
        stage.show();
    }

    @Test
    void thePaletteHoldsEveryTypeUnderItsCategoryWithItsFormula() {
        for (NodeType t : NodeType.values()) {
            javafx.scene.layout.HBox item = lookup("#palette-" + t.typeName()).query();
            TitledPane group = lookup("#palette-group-" + t.category().label()).query();
            assertThat(((VBox) group.getContent()).getChildren()).contains(item);
            Tooltip tip = (Tooltip) item.getProperties().get("javafx.scene.control.Tooltip");
            assertThat(tip.getText()).contains(t.formula()).contains(t.description());
        }
    }

    @Test
    void aTemplateFromTheToolBarOpensUntitledAndClean() {
        dialogs.template = "beam";
        clickOn("Templates");
        assertThat(dialogs.asked).contains("template");
        assertThat(model.getScheme()).isEqualTo(BuiltinSchemes.load("beam"));
        assertThat(model.getFile()).isNull();
        assertThat(model.isDirty()).isFalse();
        for (var n : model.getScheme().nodes()) {
            assertThat(lookup("#node-" + n.id()).tryQuery()).as(n.id()).isPresent();
        }
    }

    @Test
    void theTemplatesGalleryListsEveryBuiltinWithItsDescription() {
        TemplatesDialog[] d = new TemplatesDialog[1];
        interact(() -> {
            d[0] = new TemplatesDialog();
            d[0].initOwner(stage);
            d[0].show();
        });
        ListView<String> list = lookup("#templates-list").query();
        assertThat(list.getItems()).containsExactlyElementsOf(BuiltinSchemes.NAMES);
        String mcts = BuiltinSchemes.load("mcts").description();
        assertThat(lookup(".label").<Labeled>queryAllAs(Labeled.class)).anyMatch(l -> mcts.equals(l.getText()));
        interact(() -> d[0].close());
    }

    @Test
    void dirtyMarkerSaveAndRecentFiles() throws Exception {
        interact(() -> editor.openTemplate("mcts"));
        Button save = lookup("#saveButton").query();
        assertThat(save.getText()).isEqualTo("Save");
        clickOn("#breakpoint-select");
        assertThat(save.getText()).isEqualTo("Save*");
        assertThat(model.titleProperty().get()).startsWith("untitled*");
        dialogs.saveTo = dir.resolve("one.json");
        push(KeyCode.CONTROL, KeyCode.S);
        assertThat(dialogs.asked).contains("save as mcts");
        assertThat(save.getText()).isEqualTo("Save");
        assertThat(model.titleProperty().get()).startsWith("one.json —");
        assertThat(model.recentFiles()).containsExactly(dir.resolve("one.json").toAbsolutePath());
        clickOn("#breakpoint-select");
        push(KeyCode.CONTROL, KeyCode.S);
        assertThat(dialogs.asked).filteredOn(q -> q.startsWith("save as")).hasSize(1);
        assertThat(Files.readString(dir.resolve("one.json"))).doesNotContain("breakpoint");
    }

    @Test
    void newAsksAboutUnsavedWorkAndCancelKeepsIt() {
        interact(() -> editor.openTemplate("dfs"));
        interact(() -> model.toggleBreakpoint(model.getScheme().nodes().get(0).id()));
        Scheme work = model.getScheme();
        dialogs.unsaved = EditorDialogs.UnsavedChoice.CANCEL;
        clickOn("New");
        assertThat(dialogs.asked).anyMatch(q -> q.startsWith("unsaved"));
        assertThat(model.getScheme()).isEqualTo(work);
        dialogs.unsaved = EditorDialogs.UnsavedChoice.DISCARD;
        clickOn("New");
        assertThat(model.getScheme().nodes()).isEmpty();
    }

    @Test
    void openThroughTheDialogShowsTheErrorsOfASchemeWithErrors() throws Exception {
        Path f = dir.resolve("half.json");
        String text = BuiltinSchemes.json("mcts").orElseThrow().replaceAll("\"iterations\"\\s*:\\s*500", "\"iterations\": -3");
        assertThat(text).contains("-3");
        Files.writeString(f, text);
        dialogs.openFrom = f;
        clickOn("Open");
        assertThat(model.getFile()).isEqualTo(f);
        assertThat(dialogs.shown).anyMatch(e -> "loop".equals(e.nodeId()) && e.field().equals("params.iterations"));
        assertThat(model.problems()).anyMatch(e -> "loop".equals(e.nodeId()) && e.isError());
        assertThat(lookup("#badge-loop").query().isVisible()).isTrue();
    }

    @Test
    void autosaveAfterAnEditIsOfferedBackToTheNextSession() throws Exception {
        interact(() -> editor.openTemplate("mcts"));
        var select = model.getScheme().node("select").orElseThrow().position();
        drag("#node-select", MouseButton.PRIMARY).moveBy(40, 60).release(MouseButton.PRIMARY);
        assertThat(model.getScheme().node("select").orElseThrow().position()).isNotEqualTo(select);
        clickOn("#breakpoint-loop");
        Scheme unsaved = model.getScheme();
        // wait for the autosave timer rather than calling it
        long until = System.currentTimeMillis() + 8000;
        while (!Files.exists(paths.recoveryScheme()) && System.currentTimeMillis() < until) {
            sleep(200);
        }
        assertThat(paths.recoveryScheme()).exists();
        // the session "crashes": no save, no close. A new editor starts on the same config directory.
        SchemeEditorModel next = new SchemeEditorModel(paths);
        ScriptedDialogs nextDialogs = new ScriptedDialogs();
        SchemeEditorPane[] nextEditor = new SchemeEditorPane[1];
        interact(() -> {
            nextEditor[0] = new SchemeEditorPane(next, nextDialogs);
            nextEditor[0].offerRecovery();
        });
        assertThat(nextDialogs.asked).contains("recover mcts");
        assertThat(next.getScheme()).isEqualTo(unsaved);
        assertThat(next.isDirty()).isTrue();
        assertThat(next.getScheme().node("loop").orElseThrow().breakpoint()).isTrue();
        assertThat(next.getScheme().node("select").orElseThrow().position()).isNotEqualTo(select);
    }

    @Test
    void aSelectedWireIsDeletedWithTheKeyboard() {
        interact(() -> editor.openTemplate("mcts"));
        Wire w = new Wire("start", "out", "loop", "in");
        // add a long wire that is easy to hit: remove and redraw start -> loop is short, so pick the done wire
        Wire done = new Wire("loop", "done", "output", "in");
        var skin = editor.canvas().wireSkin(done).orElseThrow();
        var curve = skin.hitArea();
        interact(() -> { });
        double t = 0.5;
        double x = Math.pow(1 - t, 3) * curve.getStartX() + 3 * Math.pow(1 - t, 2) * t * curve.getControlX1()
                + 3 * (1 - t) * t * t * curve.getControlX2() + Math.pow(t, 3) * curve.getEndX();
        double y = Math.pow(1 - t, 3) * curve.getStartY() + 3 * Math.pow(1 - t, 2) * t * curve.getControlY1()
                + 3 * (1 - t) * t * t * curve.getControlY2() + Math.pow(t, 3) * curve.getEndY();
        clickOn(editor.canvas().contentToScreen(x, y));
        assertThat(model.selectedWireProperty().get()).isEqualTo(done);
        push(KeyCode.DELETE);
        assertThat(model.getScheme().wires()).doesNotContain(done).contains(w);
        assertThat(model.problems()).anyMatch(e -> "loop".equals(e.nodeId()) && e.message().contains("done"));
    }

    @Test
    void wheelZoomsAndRightDragPans() {
        interact(() -> editor.openTemplate("mcts"));
        double z = editor.canvas().getZoom();
        var before = editor.canvas().contentToScreen(0, 0);
        moveTo(editor.canvas()).moveBy(0, 200);
        scroll(3, javafx.geometry.VerticalDirection.UP);
        assertThat(editor.canvas().getZoom()).isNotEqualTo(z);
        var mid = editor.canvas().contentToScreen(0, 0);
        drag(MouseButton.SECONDARY).moveBy(80, 40).release(MouseButton.SECONDARY);
        var after = editor.canvas().contentToScreen(0, 0);
        assertThat(after.getX() - mid.getX()).isCloseTo(80, org.assertj.core.data.Offset.offset(3.0));
        assertThat(List.of(before, mid, after)).doesNotHaveDuplicates();
    }
}
