package org.rlmworkbench.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.editor.model.EditorPaths;
import org.rlmworkbench.editor.model.SchemeEditorModel;
import org.rlmworkbench.runner.interpret.Interpreter;
import org.rlmworkbench.runner.interpret.RunSettings;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.problem.Problems;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;
import org.rlmworkbench.runner.scheme.NodeType;
import org.rlmworkbench.runner.scheme.ParamKind;
import org.rlmworkbench.runner.scheme.ParamSpec;
import org.rlmworkbench.runner.scheme.Position;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.scheme.SchemeIO;
import org.rlmworkbench.runner.scheme.SchemeLoad;
import org.rlmworkbench.runner.scheme.SchemeNode;
import org.rlmworkbench.runner.scheme.Wire;
import org.rlmworkbench.runner.trace.TraceWriter;
import org.testfx.framework.junit5.ApplicationTest;

/**
 * The headline: with the robot only, build the MCTS scheme on an empty canvas (nodes dragged from
 * the palette, wires dragged port to port, ids, parameters, name and description typed into the
 * property sheet), save it, and check that it is the built-in MCTS scheme apart from positions and
 * that it runs on Game of 24 to the same trace, byte for byte.
 */
class BuildMctsByHandTest extends ApplicationTest {

    @TempDir
    Path dir;
    SchemeEditorModel model;
    SchemeEditorPane editor;
    ScriptedDialogs dialogs = new ScriptedDialogs();

    @Override
    public void start(Stage stage) {
        model = new SchemeEditorModel(new EditorPaths(dir.resolve("config")));
        dialogs.saveTo = dir.resolve("by-hand.json");
        editor = new SchemeEditorPane(model, dialogs);
        stage.setScene(new Scene(editor, 1600, 1000));
        stage.show();
    }

    @Test
    void buildsMctsFromAnEmptyCanvasAndRunsItToTheSameTrace() throws Exception {
        Scheme target = BuiltinSchemes.load("mcts");
        assertThat(model.getScheme().nodes()).isEmpty();

        // zoom out once with the tool bar so the built-in's layout fits the canvas
        clickOn("#zoomOutButton");
        assertThat(editor.canvas().getZoom()).isLessThan(1);

        // 1. nodes: drag each type from the palette onto the canvas, then give it the built-in's id
        for (SchemeNode n : target.nodes()) {
            NodeType type = n.nodeType();
            interact(() -> editor.palette().reveal(type));
            // near the built-in's place (the pointer grabs a new node by its header)
            Point2D drop = editor.canvas().contentToScreen(n.position().x() + 85, n.position().y() + 30);
            drag("#palette-" + type.typeName(), MouseButton.PRIMARY).moveTo(drop).release(MouseButton.PRIMARY);
            List<SchemeNode> nodes = model.getScheme().nodes();
            SchemeNode added = nodes.get(nodes.size() - 1);
            assertThat(added.type()).isEqualTo(type.typeName());
            if (!added.id().equals(n.id())) {
                clickOn("#node-" + added.id());
                replaceText("#node-id-field", n.id());
                push(KeyCode.ENTER);
            }
            assertThat(model.getScheme().node(n.id())).isPresent();
        }

        // 2. wires: drag from port to port
        for (Wire w : target.wires()) {
            drag("#port-" + w.from() + "-" + w.fromPort(), MouseButton.PRIMARY)
                    .dropTo("#port-" + w.to() + "-" + w.toPort());
            assertThat(model.getScheme().wires()).as("after wiring %s: feedback '%s', nodes %s", w,
                    editor.canvas().feedbackText(), model.getScheme().nodes()).contains(w);
        }

        // 3. parameters, typed and chosen in the property sheet
        for (SchemeNode n : target.nodes()) {
            if (n.params().isEmpty()) {
                continue;
            }
            clickOn("#node-" + n.id());
            for (Map.Entry<String, Object> p : n.params().entrySet()) {
                ParamSpec spec = n.nodeType().param(p.getKey()).orElseThrow();
                if (spec.kind() == ParamKind.ENUM) {
                    clickOn("#param-" + p.getKey());
                    Node cell = lookup(".combo-box-popup .list-cell")
                            .match((ListCell<?> c) -> p.getValue().equals(c.getText())).query();
                    clickOn(cell);
                } else {
                    replaceText("#param-" + p.getKey(), String.valueOf(p.getValue()));
                    push(KeyCode.ENTER);
                }
                assertThat(model.getScheme().node(n.id()).orElseThrow().params().get(p.getKey()))
                        .as("%s.%s", n.id(), p.getKey()).isEqualTo(p.getValue());
            }
        }

        // 4. the scheme's name and description, with nothing selected
        clickOn(editor.canvas(), MouseButton.PRIMARY);
        press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        replaceText("#scheme-name-field", target.name());
        push(KeyCode.ENTER);
        clickOn("#scheme-description-field");
        push(KeyCode.CONTROL, KeyCode.A);
        write(target.description(), 1);
        clickOn("#scheme-name-field");
        assertThat(model.getScheme().name()).isEqualTo(target.name());
        assertThat(model.getScheme().description()).isEqualTo(target.description());
        assertThat(model.problems()).isEmpty();

        // 5. save with the tool bar (the scripted dialog answers the file name)
        assertThat(model.isDirty()).isTrue();
        clickOn("#saveButton");
        Path saved = dir.resolve("by-hand.json");
        assertThat(saved).exists();
        assertThat(model.isDirty()).isFalse();
        SchemeLoad load = SchemeIO.read(saved);
        assertThat(load.errors()).isEmpty();
        Scheme built = load.scheme();

        // the built-in scheme, apart from positions
        assertThat(withoutPositions(built)).isEqualTo(withoutPositions(target));
        assertThat(built.nodes().stream().map(SchemeNode::position).distinct()).hasSize(target.nodes().size());
        assertThat(Files.readString(saved)).isNotEqualTo(SchemeIO.toJson(target));

        // 6. the same trace on Game of 24, byte for byte
        String expected = trace(target);
        String actual = trace(built);
        assertThat(expected).contains("\"scheme\"").hasLineCount(expected.split("\n").length);
        assertThat(expected.lines().count()).isGreaterThan(100);
        assertThat(actual).isEqualTo(expected);
        // and the comparison can tell schemes apart: another selection rule gives another trace
        Scheme uct = built.withNode(built.node("select").orElseThrow().withParam("rule", "uct"));
        assertThat(trace(uct)).isNotEqualTo(expected);
    }

    private void replaceText(String query, String text) {
        clickOn(query);
        push(KeyCode.CONTROL, KeyCode.A);
        push(KeyCode.BACK_SPACE);
        write(text);
    }

    private static Scheme withoutPositions(Scheme s) {
        return s.withNodes(s.nodes().stream().map(n -> n.withPosition(Position.ORIGIN)).toList());
    }

    private static String trace(Scheme s) throws Exception {
        StringWriter out = new StringWriter();
        try (TraceWriter w = new TraceWriter(out)) {
            new Interpreter(s, Problems.byId("game24"), Models.problemNative())
                    .run("4 9 10 13", RunSettings.seed(7), List.of(w), null);
        }
        return out.toString();
    }
}
