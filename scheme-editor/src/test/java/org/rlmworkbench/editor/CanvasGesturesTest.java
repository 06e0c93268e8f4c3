package org.rlmworkbench.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.editor.model.EditorPaths;
import org.rlmworkbench.editor.model.SchemeEditorModel;
import org.rlmworkbench.editor.view.EditorDialogs;
import org.rlmworkbench.editor.view.Styles;
import org.rlmworkbench.runner.scheme.Position;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.scheme.SchemeError;
import org.rlmworkbench.runner.scheme.Wire;
import org.testfx.framework.junit5.ApplicationTest;

/** Gestures on the canvas and the panes around it, with the robot, on the MCTS template. */
class CanvasGesturesTest extends ApplicationTest {

    @TempDir
    Path dir;
    SchemeEditorModel model;
    SchemeEditorPane editor;
    ScriptedDialogs dialogs = new ScriptedDialogs();

    @Override
    public void start(Stage stage) {
        model = new SchemeEditorModel(new EditorPaths(dir.resolve("config")));
        editor = new SchemeEditorPane(model, dialogs);
        stage.setScene(new Scene(editor, 1600, 1000));
        stage.show();
    }

    @BeforeEach
    void openMcts() {
        interact(() -> editor.openTemplate("mcts"));
    }

    @Test
    void aWireFromOutputToOutputIsRefusedWithTheReasonAtThePointer() {
        Scheme before = model.getScheme();
        drag("#port-select-out", MouseButton.PRIMARY).moveTo("#port-expand-out");
        assertThat(editor.canvas().feedbackText()).contains("output to an output");
        Node feedback = lookup("#wire-feedback").query();
        Bounds port = lookup("#port-expand-out").query().localToScreen(
                lookup("#port-expand-out").query().getBoundsInLocal());
        Bounds label = feedback.localToScreen(feedback.getBoundsInLocal());
        assertThat(Math.abs(label.getMinX() - port.getCenterX())).isLessThan(60);
        assertThat(Math.abs(label.getMinY() - port.getCenterY())).isLessThan(60);
        release(MouseButton.PRIMARY);
        assertThat(editor.canvas().feedbackText()).contains("output to an output");
        assertThat(model.getScheme()).isEqualTo(before);
    }

    @Test
    void aWireFromAnOutputThatIsWiredAlreadyIsRefused() {
        Scheme before = model.getScheme();
        drag("#port-select-out", MouseButton.PRIMARY).dropTo("#port-evaluate-in");
        assertThat(editor.canvas().feedbackText()).contains("already feeds expand.in");
        assertThat(model.getScheme()).isEqualTo(before);
        drag("#port-select-in", MouseButton.PRIMARY).dropTo("#port-expand-in");
        assertThat(editor.canvas().feedbackText()).contains("input to an input");
        drag("#port-select-out", MouseButton.PRIMARY).dropTo("#port-select-in");
        assertThat(editor.canvas().feedbackText()).contains("itself");
        assertThat(model.getScheme()).isEqualTo(before);
    }

    @Test
    void aWireSnapsToAPortNearThePointer() {
        Wire w = new Wire("solved", "true", "output", "in");
        interact(() -> model.removeWire(w));
        Node in = lookup("#port-output-in").query();
        Bounds b = in.localToScreen(in.getBoundsInLocal());
        drag("#port-solved-true", MouseButton.PRIMARY).moveTo(new Point2D(b.getCenterX() + 9, b.getCenterY() - 8))
                .release(MouseButton.PRIMARY);
        assertThat(model.getScheme().wires()).contains(w);
    }

    @Test
    void dragMovesTheSelectionAsOneUndoableEdit() {
        Position select = model.getScheme().node("select").orElseThrow().position();
        Position expand = model.getScheme().node("expand").orElseThrow().position();
        clickOn("#node-select");
        press(KeyCode.SHIFT);
        clickOn("#node-expand");
        release(KeyCode.SHIFT);
        assertThat(model.selectedNodes()).containsExactlyInAnyOrder("select", "expand");
        drag("#node-select", MouseButton.PRIMARY).moveBy(60, 120).release(MouseButton.PRIMARY);
        Position moved = model.getScheme().node("select").orElseThrow().position();
        assertThat(moved.y()).isGreaterThan(select.y() + 80);
        Position expandMoved = model.getScheme().node("expand").orElseThrow().position();
        assertThat(expandMoved.x() - expand.x()).isEqualTo(moved.x() - select.x());
        assertThat(model.undoLabelProperty().get()).isEqualTo("Move 2 nodes");
        clickOn("#undoButton");
        assertThat(model.getScheme().node("select").orElseThrow().position()).isEqualTo(select);
        assertThat(model.getScheme().node("expand").orElseThrow().position()).isEqualTo(expand);
    }

    @Test
    void rubberBandSelectsAndDeleteRemovesWithOneUndo() {
        Scheme before = model.getScheme();
        Bounds a = screenBounds("#node-select");
        Bounds b = screenBounds("#node-expand");
        // from empty space below and right of 'expand' up to inside 'select'
        Point2D from = new Point2D(b.getMaxX() + 12, b.getMaxY() + 15);
        Point2D to = new Point2D(a.getMinX() + 30, a.getMinY() + 30);
        drag(from, MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
        assertThat(model.selectedNodes()).containsExactlyInAnyOrder("select", "expand");
        assertThat(lookup("#node-select").query().getPseudoClassStates()).contains(Styles.SELECTED);
        push(KeyCode.DELETE);
        assertThat(model.getScheme().node("select")).isEmpty();
        assertThat(model.getScheme().node("expand")).isEmpty();
        assertThat(lookup("#node-select").tryQuery()).isEmpty();
        push(KeyCode.CONTROL, KeyCode.Z);
        assertThat(model.getScheme()).isEqualTo(before);
        assertThat(lookup("#node-select").tryQuery()).isPresent();
    }

    @Test
    void copyPasteAndDuplicateWithTheKeyboard() {
        clickOn("#node-evaluate");
        push(KeyCode.CONTROL, KeyCode.C);
        push(KeyCode.CONTROL, KeyCode.V);
        assertThat(model.getScheme().node("evaluate2")).isPresent();
        assertThat(lookup("#node-evaluate2").tryQuery()).isPresent();
        push(KeyCode.CONTROL, KeyCode.D);
        assertThat(model.getScheme().node("evaluate3")).isPresent();
        push(KeyCode.CONTROL, KeyCode.X);
        assertThat(model.getScheme().node("evaluate3")).isEmpty();
        push(KeyCode.CONTROL, KeyCode.Z);
        assertThat(model.getScheme().node("evaluate3")).isPresent();
    }

    @Test
    void breakpointDotTogglesAndIsStoredInTheScheme() {
        clickOn("#breakpoint-select");
        assertThat(model.getScheme().node("select").orElseThrow().breakpoint()).isTrue();
        assertThat(lookup("#breakpoint-select").query().getPseudoClassStates()).contains(Styles.ON);
        clickOn("#breakpoint-select");
        assertThat(model.getScheme().node("select").orElseThrow().breakpoint()).isFalse();
    }

    @Test
    void anInvalidValueIsRefusedInTheSheetWithItsMessage() {
        Scheme before = model.getScheme();
        clickOn("#node-select");
        clickOn("#param-c");
        push(KeyCode.CONTROL, KeyCode.A);
        write("500");
        push(KeyCode.ENTER);
        Label err = lookup("#param-error-c").query();
        assertThat(err.isVisible()).isTrue();
        assertThat(err.getText()).isEqualTo("c must be between 0 and 100, got 500.0");
        assertThat(lookup("#param-c").query().getPseudoClassStates()).contains(Styles.INVALID);
        assertThat(model.getScheme()).isEqualTo(before);
        push(KeyCode.CONTROL, KeyCode.A);
        write("2.5");
        push(KeyCode.ENTER);
        assertThat(err.isVisible()).isFalse();
        assertThat(model.getScheme().node("select").orElseThrow().params().get("c")).isEqualTo(2.5);
    }

    @Test
    void problemsShowAsBadgesAndAClickSelectsTheCulprit() {
        interact(() -> model.removeWire(new Wire("evaluate", "out", "backprop", "in")));
        assertThat(model.problems()).anyMatch(e -> "evaluate".equals(e.nodeId()) && e.isError());
        assertThat(lookup("#badge-evaluate").query().isVisible()).isTrue();
        assertThat(lookup("#node-evaluate").query().getPseudoClassStates()).contains(Styles.ERROR);
        assertThat(lookup("#node-select").query().getPseudoClassStates()).doesNotContain(Styles.ERROR);
        Node cell = lookup("#problems-list .list-cell").match((ListCell<SchemeError> c) -> c.getItem() != null
                && "backprop".equals(c.getItem().nodeId())).query();
        clickOn(cell);
        assertThat(model.selectedNodes()).containsExactly("backprop");
        assertThat(lookup("#node-backprop").query().getPseudoClassStates()).contains(Styles.SELECTED);
    }

    @Test
    void tidyLayoutFromTheToolBarIsOneEdit() {
        clickOn("#tidyButton");
        assertThat(model.undoLabelProperty().get()).isEqualTo("Tidy layout");
        Position start = model.getScheme().node("start").orElseThrow().position();
        Position loop = model.getScheme().node("loop").orElseThrow().position();
        assertThat(loop.x()).isGreaterThan(start.x());
    }

    @Test
    void closingWithUnsavedWorkAsksFirst() throws Exception {
        clickOn("#breakpoint-select");
        dialogs.unsaved = EditorDialogs.UnsavedChoice.CANCEL;
        assertThat(editor.confirmClose()).isFalse();
        dialogs.unsaved = EditorDialogs.UnsavedChoice.SAVE;
        dialogs.saveTo = dir.resolve("kept.json");
        boolean[] closed = new boolean[1];
        interact(() -> closed[0] = editor.confirmClose());
        assertThat(closed[0]).isTrue();
        assertThat(Files.readString(dir.resolve("kept.json"))).contains("\"breakpoint\" : true");
        assertThat(dialogs.asked).anyMatch(q -> q.startsWith("unsaved"));
    }

    @Test
    void openingABrokenFileShowsTheMessagesAndKeepsTheScheme() throws Exception {
        Scheme before = model.getScheme();
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"format\": \"something-else\"}");
        interact(() -> editor.openFile(broken));
        assertThat(dialogs.shown).anyMatch(e -> e.message().contains("not a scheme file"));
        assertThat(model.getScheme()).isEqualTo(before);
    }

    private Bounds screenBounds(String query) {
        Node n = lookup(query).query();
        return n.localToScreen(n.getBoundsInLocal());
    }
}
