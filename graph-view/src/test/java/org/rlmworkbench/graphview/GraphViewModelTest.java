package org.rlmworkbench.graphview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.graphview.model.Cue;
import org.rlmworkbench.graphview.model.GraphViewModel;
import org.rlmworkbench.runner.event.NodeSelected;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.event.ValueBackpropagated;
import org.rlmworkbench.runner.graph.ReasoningGraph;

/** The view model rebuilds exactly the runner's graph from the runner's events. */
class GraphViewModelTest {

    static RealRun run;

    @BeforeAll
    static void runOnce() throws Exception {
        run = RealRun.mcts();
    }

    @Test
    void rebuildsTheRunnersGraphNodeForNode() {
        GraphViewModel model = new GraphViewModel();
        // in uneven batches, as the FX hand-off delivers them
        List<RunEvent> events = run.events();
        for (int from = 0; from < events.size(); from += 37) {
            model.apply(events.subList(from, Math.min(events.size(), from + 37)));
        }
        ReasoningGraph expected = run.graph();
        assertThat(expected.size()).isGreaterThanOrEqualTo(300);
        assertThat(model.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(model.graph().node(i)).as("node %d", i).isEqualTo(expected.node(i));
        }
        assertThat(model.bestPathProperty().get()).containsExactly(run.finished().bestPath());
        assertThat(model.finishedProperty().get()).isSameAs(run.finished());
    }

    @Test
    void keepsTheLastSelectOfEveryParentAndTheSelectionPath() {
        GraphViewModel model = new GraphViewModel();
        model.apply(run.events());
        NodeSelected lastAtRoot = null;
        NodeSelected last = null;
        for (RunEvent e : run.events()) {
            if (e instanceof NodeSelected s) {
                last = s;
                if (s.parent() == 0) {
                    lastAtRoot = s;
                }
            }
        }
        assertThat(lastAtRoot).isNotNull();
        assertThat(model.candidatesOf(0)).isEqualTo(lastAtRoot.candidates());
        assertThat(model.selectionPathProperty().get()).containsExactly(run.graph().pathTo(last.chosen()));
    }

    @Test
    void emitsOneCuePerAnimatedEvent() {
        GraphViewModel model = new GraphViewModel();
        List<Cue> cues = new ArrayList<>();
        model.addCueListener(cues::add);
        model.apply(run.events());
        long backprops = run.events().stream().filter(e -> e instanceof ValueBackpropagated).count();
        long selects = run.events().stream().filter(e -> e instanceof NodeSelected).count();
        assertThat(cues.stream().filter(c -> c instanceof Cue.Backpropagate).count()).isEqualTo(backprops);
        assertThat(cues.stream().filter(c -> c instanceof Cue.Select).count()).isEqualTo(selects);
        assertThat(cues.stream().filter(c -> c instanceof Cue.Solve).count()).isEqualTo(run.finished().solved() ? 1 : 0);
    }
}
