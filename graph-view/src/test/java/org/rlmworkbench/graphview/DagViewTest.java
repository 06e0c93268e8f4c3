package org.rlmworkbench.graphview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rlmworkbench.graphview.layout.LayoutKind;
import org.rlmworkbench.graphview.model.GraphViewModel;
import org.rlmworkbench.graphview.view.ReasoningGraphView;
import org.rlmworkbench.runner.event.NodePruned;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A Graph-of-Thoughts run: Aggregate makes a DAG, Prune removes nodes. */
@ExtendWith(ApplicationExtension.class)
class DagViewTest {

    static RealRun run;
    GraphViewModel model;
    ReasoningGraphView view;

    @BeforeAll
    static void runOnce() throws Exception {
        run = RealRun.of("got", "4 9 10 13", 7, 50, null);
    }

    @Start
    void start(Stage stage) {
        model = new GraphViewModel();
        view = new ReasoningGraphView(model);
        view.animatedProperty().set(false);
        stage.setScene(new Scene(view, 1000, 700));
        stage.show();
    }

    @BeforeEach
    void feed() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            model.apply(run.events());
            view.layoutNow();
        }).get(20, TimeUnit.SECONDS);
    }

    @Test
    void layeredLayoutPutsEveryNodeBelowAllItsParents() throws Exception {
        ReasoningGraph g = run.graph();
        int dagEdges = 0;
        WaitForAsyncUtils.asyncFx(() -> {
            view.layoutKindProperty().set(LayoutKind.LAYERED);
            view.layoutNow();
        }).get(30, TimeUnit.SECONDS);
        int expectedShown = 0;
        for (int i = 0; i < g.size(); i++) {
            boolean underPruned = false;
            for (int n = g.parent(i); n >= 0; n = g.parent(n)) {
                underPruned |= g.isPruned(n);
            }
            // pruned nodes fold their subtrees
            assertThat(view.isShown(i)).as("node %d", i).isEqualTo(!underPruned);
            expectedShown += underPruned ? 0 : 1;
        }
        assertThat(view.shownCount()).isEqualTo(expectedShown);
        for (int i = 0; i < g.size(); i++) {
            int[] parents = model.graph().parents(i);
            assertThat(parents).as("parents of %d", i).containsExactly(g.parents(i));
            dagEdges += Math.max(0, parents.length - 1);
            for (int p : parents) {
                if (!view.isShown(i) || !view.isShown(p)) {
                    continue;
                }
                assertThat(view.worldPosition(i).getY()).as("%d below parent %d", i, p)
                        .isGreaterThan(view.worldPosition(p).getY());
            }
        }
        assertThat(dagEdges).as("the run must have merged something").isPositive();
    }

    @Test
    void hidingPrunedHidesExactlyThePrunedSubtrees() throws Exception {
        ReasoningGraph g = run.graph();
        WaitForAsyncUtils.asyncFx(() -> view.hidePrunedProperty().set(true)).get(10, TimeUnit.SECONDS);
        int expected = 0;
        int pruned = 0;
        for (int i = 0; i < g.size(); i++) {
            boolean prunedAbove = false;
            for (int n = i; n > 0; n = g.parent(n)) {
                prunedAbove |= g.isPruned(n);
            }
            pruned += g.isPruned(i) ? 1 : 0;
            assertThat(view.isShown(i)).as("node %d", i).isEqualTo(!prunedAbove);
            expected += prunedAbove ? 0 : 1;
        }
        assertThat(pruned).isPositive();
        assertThat(view.shownCount()).isEqualTo(expected);
    }

    @Test
    void pruningANodeWithChildrenFoldsItsSubtree() throws Exception {
        ReasoningGraph g = run.graph();
        int victim = -1;
        for (int c : g.children(0)) {
            if (g.hasChildren(c) && !g.isPruned(c)) {
                victim = c;
                break;
            }
        }
        assertThat(victim).as("a root child with children").isNotNegative();
        int v = victim;
        int before = WaitForAsyncUtils.asyncFx(() -> view.shownCount()).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(() -> model.apply(new NodePruned(v, "test"))).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.isCollapsed(v)).isTrue();
        assertThat(view.isShown(v)).isTrue();
        for (int c : g.children(v)) {
            assertThat(view.isShown(c)).as("child %d of the pruned node", c).isFalse();
        }
        assertThat(view.shownCount()).isLessThan(before);
    }
}
