package org.rlmworkbench.editor.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.runner.scheme.NodeType;
import org.rlmworkbench.runner.scheme.Position;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.scheme.Wire;

/** Wires that must be refused, each with a reason, and that a refusal changes nothing. */
class ConnectionRulesTest {

    @TempDir
    Path dir;
    SchemeEditorModel model;
    String select;
    String expand;
    String evaluate;

    @BeforeEach
    void setUp() {
        model = new SchemeEditorModel(new EditorPaths(dir));
        select = model.addNode(NodeType.SELECT, Position.ORIGIN);
        expand = model.addNode(NodeType.GENERATE, new Position(200, 0));
        evaluate = model.addNode(NodeType.EVALUATE, new Position(400, 0));
    }

    private String refused(PortRef a, PortRef b) {
        Scheme before = model.getScheme();
        var refusal = model.connect(a, b);
        assertThat(refusal).isPresent();
        assertThat(model.getScheme()).isEqualTo(before);
        return refusal.get();
    }

    @Test
    void inputToInput() {
        assertThat(refused(new PortRef(select, "in"), new PortRef(expand, "in"))).contains("input to an input");
    }

    @Test
    void outputToOutput() {
        assertThat(refused(new PortRef(select, "out"), new PortRef(expand, "out"))).contains("output to an output");
    }

    @Test
    void outputAlreadyWired() {
        assertThat(model.connect(new PortRef(select, "out"), new PortRef(expand, "in"))).isEmpty();
        assertThat(refused(new PortRef(select, "out"), new PortRef(evaluate, "in")))
                .contains("already feeds generate.in");
    }

    @Test
    void selfWire() {
        assertThat(refused(new PortRef(select, "out"), new PortRef(select, "in"))).contains("itself");
    }

    @Test
    void unknownPortAndNode() {
        assertThat(refused(new PortRef(select, "body"), new PortRef(expand, "in"))).contains("Select has no port 'body'");
        assertThat(refused(new PortRef("ghost", "out"), new PortRef(expand, "in"))).contains("no node 'ghost'");
    }

    @Test
    void inputTakesManyWiresAndADragMayStartAtTheInput() {
        String loop = model.addNode(NodeType.LOOP, new Position(0, 200));
        assertThat(model.connect(new PortRef(expand, "in"), new PortRef(select, "out"))).isEmpty();
        assertThat(model.connect(new PortRef(loop, "body"), new PortRef(expand, "in"))).isEmpty();
        assertThat(model.getScheme().wires()).containsExactly(new Wire(select, "out", expand, "in"),
                new Wire(loop, "body", expand, "in"));
    }
}
