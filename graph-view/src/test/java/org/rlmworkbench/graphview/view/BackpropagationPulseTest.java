package org.rlmworkbench.graphview.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.graphview.RealRun;
import org.rlmworkbench.graphview.layout.LayoutSettings;
import org.rlmworkbench.graphview.model.Cue;
import org.rlmworkbench.graphview.model.GraphViewModel;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.event.ValueBackpropagated;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.trace.GraphReplayer;

/** Numbers on a backpropagation path change as the pulse passes, from the old to the new values. */
class BackpropagationPulseTest {

    @Test
    void nodesAheadOfThePulseShowTheirOldNumbers() throws Exception {
        RealRun run = RealRun.mcts();
        List<RunEvent> events = run.events();
        int last = -1;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof ValueBackpropagated b && b.path().length >= 3) {
                last = i;
            }
        }
        assertThat(last).isPositive();
        ValueBackpropagated bp = (ValueBackpropagated) events.get(last);
        ReasoningGraph before = GraphReplayer.rebuild(events.subList(0, last), null);

        GraphViewModel model = new GraphViewModel();
        model.apply(events.subList(0, last));
        List<Cue> cues = new ArrayList<>();
        model.addCueListener(cues::add);
        model.apply(bp);
        Cue.Backpropagate cue = (Cue.Backpropagate) cues.get(0);
        for (int k = 0; k < bp.path().length; k++) {
            int node = bp.path()[k];
            assertThat(cue.visitsBefore()[k]).isEqualTo(before.visits(node));
            assertThat(cue.qBefore()[k]).isEqualTo(before.q(node));
            assertThat(model.graph().visits(node)).isEqualTo(bp.visits()[k]);
        }

        long t0 = 1_000_000_000L;
        long d = 800_000_000L;
        Effect e = new Effect(Effect.Kind.BACKPROPAGATE, cue.path(), cue.value(), t0, d, cue.visitsBefore(),
                cue.qBefore());
        Map<Integer, double[]> atStart = GraphPainter.pendingNumbers(frame(model, e, t0));
        int[] path = bp.path();
        assertThat(atStart).doesNotContainKey(path[0]); // the leaf is where the pulse starts
        for (int k = 1; k < path.length; k++) {
            assertThat(atStart.get(path[k])).containsExactly(before.visits(path[k]), before.q(path[k]));
        }
        Map<Integer, double[]> halfway = GraphPainter.pendingNumbers(frame(model, e, t0 + d / 2));
        assertThat(halfway).containsKey(path[path.length - 1]).doesNotContainKey(path[0]);
        assertThat(GraphPainter.pendingNumbers(frame(model, e, t0 + d))).isEmpty();
    }

    private static Frame frame(GraphViewModel model, Effect e, long now) {
        int n = model.size();
        return new Frame(model.graph(), new double[n], new double[n], new float[n], new boolean[n], new BitSet(), -1,
                new BitSet(), new BitSet(), List.of(e), now, new Viewport(), 800, 600, QColorScale.symmetric(),
                LayoutSettings.defaults(), false, DetailLevel.CARD, 1, true);
    }
}
