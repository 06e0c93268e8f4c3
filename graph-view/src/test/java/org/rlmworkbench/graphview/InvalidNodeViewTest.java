package org.rlmworkbench.graphview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rlmworkbench.graphview.inspector.InspectorModel;
import org.rlmworkbench.graphview.inspector.InspectorPane;
import org.rlmworkbench.graphview.model.FxEventBatcher;
import org.rlmworkbench.graphview.model.GraphViewModel;
import org.rlmworkbench.graphview.view.DetailLevel;
import org.rlmworkbench.graphview.view.ReasoningGraphView;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.interpret.Interpreter;
import org.rlmworkbench.runner.interpret.RunSettings;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.model.PromptStyle;
import org.rlmworkbench.runner.model.ScriptedLanguageModel;
import org.rlmworkbench.runner.operator.RunContext;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Problems;
import org.rlmworkbench.runner.problem.Step;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;
import org.rlmworkbench.runner.scheme.Scheme;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A Game of 24 MCTS whose steps a scripted model writes, some of them invalid: the view draws the
 * invalid ones with a dashed crimson outline and a cross (real pixels of the window), the inspector
 * shows the raw text, the reason and the model call.
 */
@ExtendWith(ApplicationExtension.class)
class InvalidNodeViewTest {

    static List<RunEvent> events;
    static ReasoningGraph graph;
    GraphViewModel model;
    ReasoningGraphView view;
    InspectorModel inspector;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void run() throws Exception {
        Problem<Object> p = (Problem<Object>) Problems.byId("game24");
        String instance = "4 9 10 13";
        List<Step<Object>> first = p.steps(p.parseInstance(instance));
        // the same answers for every prompt: legal at the root, mostly not below it
        ScriptedLanguageModel writer = ScriptedLanguageModel.of("scripted-24", PromptStyle.STATE, java.util.Map.of(),
                List.of(first.get(0).text(), "13 - 4 = 8 (left: 8 9 10)", first.get(1).text(), "no idea"));
        Scheme s = BuiltinSchemes.load("mcts");
        s = s.withNode(s.node("expand").orElseThrow().withParam("source", "sample").withParam("k", 4));
        Interpreter in = new Interpreter(s, p, Models.problemNative().withWriter(writer));
        List<RunEvent> all = new ArrayList<>();
        RunSettings settings = new RunSettings(1, 6);
        RunContext ctx = in.newContext(settings, List.of(all::add), null);
        in.run(ctx, instance, settings);
        events = all;
        graph = ctx.graph();
    }

    @Start
    void start(Stage stage) {
        model = new GraphViewModel();
        view = new ReasoningGraphView(model);
        view.animatedProperty().set(false);
        inspector = new InspectorModel(model);
        view.selectedNodeProperty().addListener((o, a, b) -> inspector.show(b.intValue()));
        BorderPane root = new BorderPane(view);
        root.setRight(new InspectorPane(inspector));
        stage.setScene(new Scene(root, 1280, 800));
        stage.show();
    }

    @BeforeEach
    void feed() throws Exception {
        FxEventBatcher batcher = new FxEventBatcher(model::apply);
        events.forEach(batcher::onEvent);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> view.layoutNow()).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private int firstInvalidChildOf(int parent) {
        for (int c : graph.children(parent)) {
            if (graph.isInvalid(c)) {
                return c;
            }
        }
        return -1;
    }

    /** Pixels of the invalid mark's crimson (#b3002d) in the card of {@code id}, centred on it. */
    private int crimsonPixels(int id) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> view.centreOn(id)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.detailLevel()).isEqualTo(DetailLevel.CARD);
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> {
            view.paint();
            return view.snapshot(null, null);
        }).get(5, TimeUnit.SECONDS);
        Point2D c = view.screenPosition(id);
        double sc = view.viewport().scale();
        double w = view.layoutSettings().cardWidth() * sc;
        double h = view.layoutSettings().cardHeight() * sc;
        PixelReader r = img.getPixelReader();
        int n = 0;
        for (int x = (int) (c.getX() - w / 2 - 2); x <= c.getX() + w / 2 + 2; x++) {
            for (int y = (int) (c.getY() - h / 2 - 2); y <= c.getY() + h / 2 + 2; y++) {
                if (x < 0 || y < 0 || x >= img.getWidth() || y >= img.getHeight()) {
                    continue;
                }
                int argb = r.getArgb(x, y);
                int red = (argb >> 16) & 255;
                int green = (argb >> 8) & 255;
                int blue = argb & 255;
                if (Math.abs(red - 179) < 30 && green < 40 && Math.abs(blue - 45) < 30) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void invalidStepsAreDrawnDashedCrimsonWithACrossAndValidOnesAreNot() throws Exception {
        int invalid = firstInvalidChildOf(0);
        assertThat(invalid).isPositive();
        int valid = graph.children(0)[0];
        assertThat(graph.isInvalid(valid)).isFalse();
        assertThat(crimsonPixels(invalid)).isGreaterThan(60);
        assertThat(crimsonPixels(valid)).isZero();
    }

    @Test
    void theInspectorShowsTheRawTextTheReasonAndTheModelCall() throws Exception {
        int invalid = firstInvalidChildOf(0);
        WaitForAsyncUtils.asyncFx(() -> inspector.show(invalid)).get(5, TimeUnit.SECONDS);
        assertThat(inspector.invalidProperty().get()).isTrue();
        assertThat(inspector.writtenProperty().get()).contains(graph.written(invalid).raw())
                .contains("Why it was rejected: " + graph.written(invalid).reason());
        assertThat(inspector.modelCallProperty().get()).contains("Model call #0: writer 'scripted-24'")
                .contains("Prompt").contains("13 - 4 = 8 (left: 8 9 10)");
        assertThat(inspector.stateProperty().get()).contains("invalid");
        int valid = graph.children(0)[0];
        WaitForAsyncUtils.asyncFx(() -> inspector.show(valid)).get(5, TimeUnit.SECONDS);
        assertThat(inspector.writtenProperty().get()).startsWith("Written by the model");
        assertThat(inspector.invalidProperty().get()).isFalse();
    }
}
