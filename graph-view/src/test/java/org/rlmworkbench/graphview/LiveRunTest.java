package org.rlmworkbench.graphview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rlmworkbench.graphview.model.FxEventBatcher;
import org.rlmworkbench.graphview.model.GraphViewModel;
import org.rlmworkbench.graphview.view.ReasoningGraphView;
import org.rlmworkbench.runner.event.RunEvent;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A live run on its own thread, large enough for the worker-thread layout, with animation on:
 * the view ends up showing every node in a tidy tree without overlap.
 */
@ExtendWith(ApplicationExtension.class)
class LiveRunTest {

    private static final int SLICE = 400;

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
        List<RunEvent> events = new ArrayList<>();
        RealRun run = RealRun.of("mcts-uct", "4 9 10 13", 7, 2000, events::add);
        assertThat(run.graph().size()).isGreaterThan(ReasoningGraphView.ASYNC_LAYOUT_THRESHOLD);
        // the recorded run reaches the FX thread in fixed slices, each drained before the next, so the
        // tree grows through many layouts whatever the machine's speed (no sleeps, no races)
        for (int from = 0; from < events.size(); from += SLICE) {
            events.subList(from, Math.min(events.size(), from + SLICE)).forEach(batcher::onEvent);
            WaitForAsyncUtils.waitForFxEvents();
        }
        // the last layout runs on a worker thread: wait for the condition, with a guard against a hang
        long guard = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!WaitForAsyncUtils.asyncFx(() -> view.shownCount() == model.size() && !view.isLayoutRunning())
                .get(5, TimeUnit.SECONDS)) {
            assertThat(System.nanoTime()).as("layout still running after 120 s").isLessThan(guard);
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(20);
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
