package org.rlmworkbench.graphview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rlmworkbench.graphview.model.FxEventBatcher;
import org.rlmworkbench.graphview.model.GraphViewModel;
import org.rlmworkbench.graphview.view.ReasoningGraphView;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A live run on its own thread, large enough for the worker-thread layout, with animation on:
 * the view ends up showing every node in a tidy tree without overlap.
 */
@ExtendWith(ApplicationExtension.class)
class LiveRunTest {

    GraphViewModel model;
    ReasoningGraphView view;

    @Start
    void start(Stage stage) {
        model = new GraphViewModel();
        view = new ReasoningGraphView(model);
        view.speedProperty().set(4);
        stage.setScene(new Scene(view, 1000, 700));
        stage.show();
    }

    @Test
    void followsALiveRunWithAsyncLayout() throws Exception {
        int[] incremental = {0};
        WaitForAsyncUtils.asyncFx(() -> view.layoutRevisionProperty().addListener((o, a, b) -> {
            if (view.lastLayoutIncremental()) {
                incremental[0]++;
            }
        })).get(5, TimeUnit.SECONDS);
        FxEventBatcher batcher = new FxEventBatcher(model::apply);
        int[] sent = {0};
        // paced like a run someone watches: without pauses the whole run can reach the FX thread in a
        // couple of batches, and then the growth path this test checks is never taken
        RealRun run = RealRun.of("mcts-uct", "4 9 10 13", 7, 2000, e -> {
            batcher.onEvent(e);
            if (++sent[0] % 100 == 0) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        assertThat(run.graph().size()).isGreaterThan(ReasoningGraphView.ASYNC_LAYOUT_THRESHOLD);
        // wait until the last layout has landed: all nodes placed, nothing pending
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            WaitForAsyncUtils.waitForFxEvents();
            boolean done = WaitForAsyncUtils.asyncFx(() -> model.size() == run.graph().size()
                    && view.shownCount() == model.size() && !view.isLayoutRunning()).get(5, TimeUnit.SECONDS);
            if (done) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(model.size()).isEqualTo(run.graph().size());
        assertThat(view.shownCount()).isEqualTo(run.graph().size());
        assertThat(view.isLayoutRunning()).isFalse();
        TreeGeometry.assertNoOverlap(view.nodeLayout(), view.layoutSettings(), model.size());
        // above the async threshold the growing tree was laid out incrementally, not only by jungrapht
        assertThat(WaitForAsyncUtils.asyncFx(() -> incremental[0]).get(5, TimeUnit.SECONDS)).isPositive();
        assertThat(model.bestPathProperty().get()).containsExactly(run.finished().bestPath());
    }
}
