package org.rlmworkbench.editor.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;
import org.rlmworkbench.runner.scheme.NodeType;
import org.rlmworkbench.runner.scheme.Position;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.scheme.SchemeNode;
import org.rlmworkbench.runner.scheme.Wire;

/** Undo and redo of every kind of change, the dirty flag and live validation, without a window. */
class SchemeEditorModelTest {

    @TempDir
    Path dir;
    SchemeEditorModel model;

    @BeforeEach
    void setUp() {
        model = new SchemeEditorModel(new EditorPaths(dir.resolve("config")));
    }

    /** Does the change, checks it changed something, then undo gives back the scheme before and redo the one after. */
    private void undoRedo(Consumer<SchemeEditorModel> change) {
        Scheme before = model.getScheme();
        int undoDepth = depth();
        change.accept(model);
        Scheme after = model.getScheme();
        assertThat(after).isNotEqualTo(before);
        assertThat(model.canUndoProperty().get()).isTrue();
        assertThat(model.undo()).isTrue();
        assertThat(model.getScheme()).isEqualTo(before);
        assertThat(model.canRedoProperty().get()).isTrue();
        assertThat(model.redo()).isTrue();
        assertThat(model.getScheme()).isEqualTo(after);
        assertThat(depth()).isEqualTo(undoDepth + 1);
    }

    private int depth() {
        return model.undoCount();
    }

    @Test
    void addNodeGetsReadableUniqueIdsAndUndoes() {
        undoRedo(m -> assertThat(m.addNode(NodeType.SELECT, new Position(10, 20))).isEqualTo("select"));
        undoRedo(m -> assertThat(m.addNode(NodeType.SELECT, new Position(30, 20))).isEqualTo("select2"));
        assertThat(model.getScheme().node("select2").orElseThrow().position()).isEqualTo(new Position(30, 20));
    }

    @Test
    void deleteSelectionRemovesNodesWithTheirWiresInOneStep() {
        model.openTemplate("mcts");
        model.selectOnly("evaluate");
        model.selectedNodes().add("backprop");
        undoRedo(SchemeEditorModel::deleteSelection);
        assertThat(model.getScheme().node("evaluate")).isEmpty();
        assertThat(model.getScheme().wires()).noneMatch(w -> w.to().equals("evaluate") || w.from().equals("backprop"));
    }

    @Test
    void moveOfManyNodesIsOneEdit() {
        model.openTemplate("mcts");
        undoRedo(m -> m.moveNodes(Map.of("select", new Position(1, 2), "expand", new Position(3, 4))));
        assertThat(model.undoLabelProperty().get()).isEqualTo("Move 2 nodes");
    }

    @Test
    void addAndRemoveWire() {
        model.openTemplate("mcts");
        Wire w = new Wire("solved", "true", "output", "in");
        undoRedo(m -> m.removeWire(w));
        assertThat(model.getScheme().wires()).doesNotContain(w);
        undoRedo(m -> assertThat(m.connect(new PortRef("output", "in"), new PortRef("solved", "true"))).isEmpty());
        assertThat(model.getScheme().wires()).contains(w);
    }

    @Test
    void setAndResetParameter() {
        model.openTemplate("mcts");
        undoRedo(m -> assertThat(m.setParam("select", "c", "2.5")).isEmpty());
        assertThat(model.getScheme().node("select").orElseThrow().params().get("c")).isEqualTo(2.5);
        undoRedo(m -> m.resetParam("select", "c"));
        assertThat(model.getScheme().node("select").orElseThrow().params()).doesNotContainKey("c");
        undoRedo(m -> assertThat(m.setParamValue("select", "rule", "uct")).isEmpty());
    }

    @Test
    void toggleBreakpoint() {
        model.openTemplate("mcts");
        undoRedo(m -> m.toggleBreakpoint("select"));
        assertThat(model.getScheme().node("select").orElseThrow().breakpoint()).isTrue();
    }

    @Test
    void copyPasteCutAndDuplicate() {
        model.openTemplate("mcts");
        model.selectOnly("select");
        model.selectedNodes().add("expand");
        model.copy();
        undoRedo(m -> assertThat(m.paste()).containsExactly("select2", "expand2"));
        Scheme s = model.getScheme();
        assertThat(s.wires()).contains(new Wire("select2", "out", "expand2", "in"));
        assertThat(s.node("select2").orElseThrow().position().x())
                .isEqualTo(s.node("select").orElseThrow().position().x() + SchemeEditorModel.PASTE_OFFSET);
        model.selectOnly("select2");
        model.selectedNodes().add("expand2");
        undoRedo(m -> assertThat(m.duplicate()).containsExactly("select3", "expand3"));
        model.selectOnly("select3");
        undoRedo(SchemeEditorModel::cut);
        assertThat(model.getScheme().node("select3")).isEmpty();
        undoRedo(m -> assertThat(m.paste()).containsExactly("select3"));
    }

    @Test
    void tidyLayoutIsOneEdit() {
        model.openTemplate("mcts");
        model.moveNodes(Map.of("select", new Position(0, 0), "expand", new Position(0, 0)));
        undoRedo(SchemeEditorModel::tidy);
        assertThat(model.undoLabelProperty().get()).isEqualTo("Tidy layout");
    }

    @Test
    void renameNodeRewiresAndRefusesTakenIds() {
        model.openTemplate("mcts");
        undoRedo(m -> assertThat(m.renameNode("expand", "grow")).isEmpty());
        assertThat(model.getScheme().wires()).contains(new Wire("select", "out", "grow", "in"),
                new Wire("grow", "out", "evaluate", "in"));
        Scheme before = model.getScheme();
        assertThat(model.renameNode("grow", "select")).contains("another node already has the id 'select'");
        assertThat(model.renameNode("grow", "9lives")).isPresent();
        assertThat(model.getScheme()).isEqualTo(before);
    }

    @Test
    void renameSchemeAndDescription() {
        undoRedo(m -> m.setSchemeName("mine"));
        undoRedo(m -> m.setDescription("a scheme of my own"));
        assertThat(model.getScheme().name()).isEqualTo("mine");
    }

    @Test
    void redoIsClearedByANewEditAndUndoIsUnbounded() {
        for (int i = 0; i < 300; i++) {
            model.addNode(NodeType.GENERATE, new Position(i, i));
        }
        for (int i = 0; i < 300; i++) {
            assertThat(model.undo()).isTrue();
        }
        assertThat(model.getScheme().nodes()).isEmpty();
        assertThat(model.undo()).isFalse();
        model.redo();
        model.addNode(NodeType.START, Position.ORIGIN);
        assertThat(model.canRedoProperty().get()).isFalse();
    }

    @Test
    void dirtyFollowsTheSavedSchemeThroughUndo() {
        model.openTemplate("beam");
        assertThat(model.isDirty()).isFalse();
        model.toggleBreakpoint(model.getScheme().nodes().get(1).id());
        assertThat(model.isDirty()).isTrue();
        assertThat(model.titleProperty().get()).contains("*");
        model.undo();
        assertThat(model.isDirty()).isFalse();
    }

    @Test
    void validationIsLiveAfterEveryChange() {
        assertThat(model.problems()).anyMatch(e -> e.message().contains("no Start node"));
        String start = model.addNode(NodeType.START, Position.ORIGIN);
        assertThat(model.problems()).noneMatch(e -> e.message().contains("no Start node"))
                .anyMatch(e -> start.equals(e.nodeId()) && e.message().contains("not connected"));
        String out = model.addNode(NodeType.OUTPUT, new Position(200, 0));
        model.connect(new PortRef(start, "out"), new PortRef(out, "in"));
        assertThat(model.problems()).isEmpty();
        model.setParamValue(out, "rule", "best_value");
        assertThat(model.problems()).isEmpty();
    }

    @Test
    void equalChangeRecordsNothing() {
        model.openTemplate("mcts");
        SchemeNode select = model.getScheme().node("select").orElseThrow();
        model.moveNodes(Map.of("select", select.position()));
        assertThat(model.canUndoProperty().get()).isFalse();
    }

    @Test
    void everyBuiltinOpensAsTemplateWithoutErrors() {
        for (String name : BuiltinSchemes.NAMES) {
            model.openTemplate(name);
            assertThat(model.getScheme()).isEqualTo(BuiltinSchemes.load(name));
            assertThat(model.problems()).noneMatch(e -> e.isError());
            assertThat(model.getFile()).isNull();
        }
    }
}
