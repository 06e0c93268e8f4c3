package org.rlmworkbench.graphview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.graphview.export.GraphExport;
import org.rlmworkbench.graphview.export.ViewExport;
import org.rlmworkbench.graphview.inspector.ChildRow;
import org.rlmworkbench.graphview.inspector.InspectorModel;
import org.rlmworkbench.graphview.inspector.InspectorPane;
import org.rlmworkbench.graphview.layout.LayoutKind;
import org.rlmworkbench.graphview.model.FxEventBatcher;
import org.rlmworkbench.graphview.model.GraphViewModel;
import org.rlmworkbench.graphview.view.DetailLevel;
import org.rlmworkbench.graphview.view.ReasoningGraphView;
import org.rlmworkbench.runner.event.Candidate;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The control fed with a real MCTS run on Game of 24, headless (Monocle). Events go through the
 * same FX hand-off a live run uses.
 */
@ExtendWith(ApplicationExtension.class)
class ReasoningGraphViewTest {

    static RealRun run;
    GraphViewModel model;
    ReasoningGraphView view;
    InspectorModel inspector;
    InspectorPane pane;

    @BeforeAll
    static void runOnce() throws Exception {
        run = RealRun.mcts();
    }

    @Start
    void start(Stage stage) {
        model = new GraphViewModel();
        view = new ReasoningGraphView(model);
        view.animatedProperty().set(false);
        inspector = new InspectorModel(model);
        pane = new InspectorPane(inspector);
        view.selectedNodeProperty().addListener((o, a, b) -> inspector.show(b.intValue()));
        BorderPane root = new BorderPane(view);
        root.setRight(pane);
        stage.setScene(new Scene(root, 1280, 800));
        stage.show();
    }

    @BeforeEach
    void feed() throws Exception {
        FxEventBatcher batcher = new FxEventBatcher(model::apply);
        run.events().forEach(batcher::onEvent);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> view.layoutNow()).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Runs {@code change} on the FX thread and waits until the worker's layout has landed. */
    void settle(Runnable change) throws Exception {
        WaitForAsyncUtils.asyncFx(change).get(5, TimeUnit.SECONDS);
        for (int i = 0; i < 300; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            if (!WaitForAsyncUtils.asyncFx(() -> view.isLayoutRunning()).get(5, TimeUnit.SECONDS)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("layout did not settle");
    }

    @Test
    void showsEveryNodeOfTheRun() {
        ReasoningGraph g = run.graph();
        assertThat(g.size()).isGreaterThanOrEqualTo(300);
        assertThat(model.size()).isEqualTo(g.size());
        assertThat(view.shownCount()).isEqualTo(g.size());
    }

    @Test
    void treeLayoutFitsTheViewWithoutOverlap() {
        TreeGeometry.assertNoOverlap(view.nodeLayout(), view.layoutSettings(), model.size());
        ReasoningGraph g = run.graph();
        for (int i = 0; i < g.size(); i++) {
            Point2D p = view.screenPosition(i);
            assertThat(p).as("node %d", i).isNotNull();
            assertThat(p.getX()).as("x of %d", i).isBetween(0.0, view.getWidth());
            assertThat(p.getY()).as("y of %d", i).isBetween(0.0, view.getHeight());
            if (g.parent(i) >= 0) {
                assertThat(view.worldPosition(i).getY()).isGreaterThan(view.worldPosition(g.parent(i)).getY());
            }
        }
    }

    @Test
    void cardsShowTheStepText() {
        ReasoningGraph g = run.graph();
        for (int i = 0; i < g.size(); i++) {
            String label = view.cardLabel(i);
            String text = g.text(i);
            if (label.endsWith("…")) {
                assertThat(text).startsWith(label.substring(0, label.length() - 1));
                assertThat(text.length()).isGreaterThan(label.length() - 1);
            } else {
                assertThat(label).isEqualTo(text);
            }
        }
    }

    @Test
    void highlightsTheBestPathOfRunFinished() {
        int[] best = run.finished().bestPath();
        assertThat(best).isNotEmpty();
        assertThat(model.bestPathProperty().get()).containsExactly(best);
        BitSet expected = new BitSet();
        for (int id : best) {
            expected.set(id);
        }
        assertThat(view.frame(100, 100, view.viewport()).bestPath()).isEqualTo(expected);
        assertThat(best[0]).isZero();
        for (int k = 1; k < best.length; k++) {
            assertThat(run.graph().parent(best[k])).isEqualTo(best[k - 1]);
        }
    }

    @Test
    void clickingANodeShowsTheRunnersNumbersInTheInspector(FxRobot robot) throws Exception {
        ReasoningGraph g = run.graph();
        int[] best = run.finished().bestPath();
        int[] probes = {0, best[1], best[best.length - 1], g.children(0)[g.children(0).length - 1]};
        for (int id : probes) {
            WaitForAsyncUtils.asyncFx(() -> view.centreOn(id)).get(5, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(view.detailLevel()).isEqualTo(DetailLevel.CARD);
            Point2D p = view.localToScreen(view.screenPosition(id));
            robot.clickOn(p, MouseButton.PRIMARY);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(view.selectedNodeProperty().get()).isEqualTo(id);
            assertThat(inspector.visitsProperty().get()).as("N of %d", id).isEqualTo(g.visits(id));
            assertThat(inspector.qProperty().get()).as("Q of %d", id).isEqualTo(g.q(id));
            assertThat(inspector.priorProperty().get()).as("P of %d", id).isCloseTo(g.prior(id), within(1e-12));
            assertThat(inspector.textProperty().get()).isEqualTo(g.text(id));
            assertThat(inspector.solvedProperty().get()).isEqualTo(g.isSolved(id));
            assertThat(pane.statsText()).startsWith("N " + g.visits(id) + " ");
        }
    }

    @Test
    void inspectorTableHoldsTheTermsOfTheLastSelect() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> view.select(0)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        ReasoningGraph g = run.graph();
        assertThat(inspector.children()).hasSize(g.childCount(0));
        int chosen = model.lastSelectAt(0).chosen();
        for (ChildRow row : inspector.children()) {
            Candidate c = model.candidatesOf(0).stream().filter(x -> x.node() == row.node()).findFirst().orElseThrow();
            assertThat(row.q()).isEqualTo(c.q());
            assertThat(row.u()).isEqualTo(c.u());
            assertThat(row.score()).isEqualTo(c.score());
            assertThat(row.n()).isEqualTo(c.n());
            assertThat(row.chosen()).isEqualTo(row.node() == chosen);
        }
    }

    @Test
    void keysWalkParentChildAndSiblings(FxRobot robot) throws Exception {
        int[] best = run.finished().bestPath();
        int leaf = best[best.length - 1];
        WaitForAsyncUtils.asyncFx(() -> {
            view.select(leaf);
            view.requestFocus();
        }).get(5, TimeUnit.SECONDS);
        robot.type(KeyCode.UP);
        assertThat(view.selectedNodeProperty().get()).isEqualTo(run.graph().parent(leaf));
        robot.type(KeyCode.DOWN);
        int p = run.graph().parent(leaf);
        int mostVisited = -1;
        for (int c : run.graph().children(p)) {
            if (mostVisited < 0 || run.graph().visits(c) > run.graph().visits(mostVisited)) {
                mostVisited = c;
            }
        }
        assertThat(view.selectedNodeProperty().get()).isEqualTo(mostVisited);
        int before = view.selectedNodeProperty().get();
        robot.type(KeyCode.RIGHT);
        int after = view.selectedNodeProperty().get();
        // RIGHT moves to the nearest sibling on the right, and stays put on the rightmost one
        int nearestRight = before;
        double bx = view.worldPosition(before).getX();
        for (int c : run.graph().children(p)) {
            double cx = view.worldPosition(c).getX();
            if (view.isShown(c) && cx > bx && (nearestRight == before || cx < view.worldPosition(nearestRight).getX())) {
                nearestRight = c;
            }
        }
        assertThat(after).isEqualTo(nearestRight);
    }

    @Test
    void collapseTopKAndSearchChangeWhatIsShown() throws Exception {
        settle(() -> view.toggleCollapsed(0));
        assertThat(view.shownCount()).isEqualTo(1);
        settle(() -> view.toggleCollapsed(0));
        assertThat(view.shownCount()).isEqualTo(model.size());
        TreeGeometry.assertNoOverlap(view.nodeLayout(), view.layoutSettings(), model.size());

        settle(() -> view.topKProperty().set(2));
        ReasoningGraph g = run.graph();
        for (int i = 0; i < g.size(); i++) {
            if (!view.isShown(i)) {
                continue;
            }
            int shownKids = 0;
            int minShownVisits = Integer.MAX_VALUE;
            int maxHiddenVisits = -1;
            for (int c : g.children(i)) {
                if (view.isShown(c)) {
                    shownKids++;
                    minShownVisits = Math.min(minShownVisits, g.visits(c));
                } else {
                    maxHiddenVisits = Math.max(maxHiddenVisits, g.visits(c));
                }
            }
            assertThat(shownKids).isEqualTo(Math.min(2, g.childCount(i)));
            if (shownKids > 0) {
                assertThat(minShownVisits).isGreaterThanOrEqualTo(maxHiddenVisits);
            }
        }
        settle(() -> view.topKProperty().set(0));

        String needle = g.text(run.finished().bestPath()[1]);
        WaitForAsyncUtils.asyncFx(() -> view.searchTextProperty().set(needle)).get(5, TimeUnit.SECONDS);
        BitSet m = view.matches();
        assertThat(m.get(run.finished().bestPath()[1])).isTrue();
        for (int i = m.nextSetBit(0); i >= 0; i = m.nextSetBit(i + 1)) {
            assertThat(g.text(i)).contains(needle);
        }
    }

    @Test
    void otherLayoutsPlaceEveryNode() throws Exception {
        for (LayoutKind kind : LayoutKind.values()) {
            WaitForAsyncUtils.asyncFx(() -> {
                view.layoutKindProperty().set(kind);
                view.layoutNow();
            }).get(30, TimeUnit.SECONDS);
            assertThat(view.shownCount()).as("%s", kind).isEqualTo(model.size());
        }
        WaitForAsyncUtils.asyncFx(() -> view.layoutKindProperty().set(LayoutKind.TREE)).get(5, TimeUnit.SECONDS);
    }

    @Test
    void exportsPictureAndGraph(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("view.png");
        Path svg = dir.resolve("view.svg");
        WaitForAsyncUtils.asyncFx(() -> {
            ViewExport.png(view, png);
            ViewExport.svg(view, svg);
            return null;
        }).get(20, TimeUnit.SECONDS);
        var img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo((int) view.getWidth());
        assertThat(Files.readString(svg)).startsWith("<?xml").contains("<svg").contains("</svg>");

        ReasoningGraph g = model.graph();
        String graphml = GraphExport.toString(g, GraphExport.Format.GRAPHML);
        assertThat(graphml.split("<node ", -1)).hasSize(g.size() + 1);
        assertThat(graphml.split("<edge ", -1)).hasSize(g.size());
        String dot = GraphExport.toString(g, GraphExport.Format.DOT);
        assertThat(dot).contains("n0 -> n" + g.children(0)[0]);
        String json = GraphExport.toString(g, GraphExport.Format.JSON);
        assertThat(json).contains("\"N\":" + g.visits(0));
    }
}
