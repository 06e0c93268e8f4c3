package org.rlmworkbench.editor.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.runner.scheme.Scheme;

/** Parameter values are checked by their spec before anything changes, and never half-applied. */
class PropertyValidationTest {

    @TempDir
    Path dir;
    SchemeEditorModel model;

    @BeforeEach
    void setUp() {
        model = new SchemeEditorModel(new EditorPaths(dir));
        model.openTemplate("mcts");
    }

    private String refused(String node, String param, String text) {
        Scheme before = model.getScheme();
        var r = model.setParam(node, param, text);
        assertThat(r).as("%s.%s = %s", node, param, text).isPresent();
        assertThat(model.getScheme()).isEqualTo(before);
        assertThat(model.canUndoProperty().get()).isFalse();
        return r.get();
    }

    @Test
    void realOutOfRange() {
        assertThat(refused("select", "c", "500")).isEqualTo("c must be between 0 and 100, got 500.0");
    }

    @Test
    void integerThatIsNotOne() {
        assertThat(refused("loop", "iterations", "2.5")).contains("must be an integer");
        assertThat(refused("loop", "iterations", "lots")).contains("must be an integer, got 'lots'");
        assertThat(refused("loop", "iterations", "0")).contains("between 1 and 10000000");
    }

    @Test
    void choiceOutsideItsList() {
        assertThat(refused("select", "rule", "random")).contains("must be one of [puct, uct");
        var r = model.setParamValue("select", "rule", 3);
        assertThat(r).isPresent();
    }

    @Test
    void unknownParameter() {
        assertThat(refused("select", "speed", "3")).contains("no parameter 'speed'");
    }

    @Test
    void validValuesApplyInCanonicalTypes() {
        assertThat(model.setParam("loop", "iterations", " 800 ")).isEmpty();
        assertThat(model.getScheme().node("loop").orElseThrow().params().get("iterations")).isEqualTo(800);
        assertThat(model.setParam("select", "c", "2")).isEmpty();
        assertThat(model.getScheme().node("select").orElseThrow().params().get("c")).isEqualTo(2.0);
        assertThat(model.setParam("output", "prefer_solution", "false")).isEmpty();
        assertThat(model.getScheme().node("output").orElseThrow().params().get("prefer_solution")).isEqualTo(false);
    }

    @Test
    void emptyTextGoesBackToTheDefault() {
        assertThat(model.setParam("select", "c", "")).isEmpty();
        assertThat(model.getScheme().node("select").orElseThrow().params()).doesNotContainKey("c");
    }
}
