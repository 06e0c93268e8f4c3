package org.rlmworkbench.graphview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.graphview.layout.GraphLayouter;
import org.rlmworkbench.graphview.layout.IncrementalTreeLayout;
import org.rlmworkbench.graphview.layout.LayoutInput;
import org.rlmworkbench.graphview.layout.LayoutKind;
import org.rlmworkbench.graphview.layout.LayoutSettings;
import org.rlmworkbench.graphview.layout.NodeLayout;
import org.rlmworkbench.runner.event.NodeAdded;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.trace.GraphReplayer;

/** The incremental tidy-tree update on a real Game of 24 MCTS run, grown ten nodes at a time. */
class IncrementalTreeLayoutTest {

    static final LayoutSettings S = LayoutSettings.defaults();
    static RealRun run;

    @BeforeAll
    static void runIt() throws Exception {
        run = RealRun.of("mcts-uct", "4 9 10 13", 7, 2000, null);
    }

    static int cutAfterNode(List<RunEvent> events, int id) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof NodeAdded a && a.id() == id) {
                return i + 1;
            }
        }
        return events.size();
    }

    @Test
    void growingInStepsKeepsTheTidyTreeInvariantsAndTheFullLayoutsOrder() {
        List<RunEvent> events = run.events();
        ReasoningGraph whole = run.graph();
        assertThat(whole.size()).isGreaterThan(600);
        GraphLayouter layouter = new GraphLayouter(S);
        int first = 300;
        ReasoningGraph g = GraphReplayer.rebuild(events.subList(0, cutAfterNode(events, first - 1)), null);
        NodeLayout l = layouter.layout(LayoutInput.of(g), LayoutKind.TREE);
        int steps = 0;
        for (int size = first + 10; ; size += 10) {
            int upTo = Math.min(size, whole.size());
            g = GraphReplayer.rebuild(events.subList(0, cutAfterNode(events, upTo - 1)), null);
            NodeLayout next = IncrementalTreeLayout.grow(l, LayoutInput.of(g), S);
            assertThat(next).as("growth to %d nodes", upTo).isNotNull();
            l = next;
            steps++;
            if (steps % 10 == 0 || upTo == whole.size()) {
                assertTidy(l, g);
            }
            if (upTo == whole.size()) {
                break;
            }
        }
        NodeLayout full = layouter.layout(LayoutInput.of(g), LayoutKind.TREE);
        assertTidy(full, g);
        // same rows, and every row in the same left-to-right order as jungrapht's full layout
        assertThat(rows(l, g.size())).isEqualTo(rows(full, g.size()));
        // wider than a fresh layout at most by half
        double wi = l.maxX() - l.minX();
        double wf = full.maxX() - full.minX();
        System.out.printf("incremental width %.0f, full width %.0f, %d steps, %d nodes%n", wi, wf, steps, g.size());
        assertThat(wi).isLessThanOrEqualTo(1.5 * wf);
    }

    @Test
    void declinesWhatIsNotAPureGrowth() {
        ReasoningGraph g = run.graph();
        NodeLayout full = new GraphLayouter(S).layout(LayoutInput.of(g), LayoutKind.TREE);
        assertThat(IncrementalTreeLayout.grow(full, LayoutInput.of(g), S)).as("nothing new").isNull();
        boolean[] visible = new boolean[g.size()];
        Arrays.fill(visible, true);
        visible[g.size() - 1] = false;
        assertThat(IncrementalTreeLayout.grow(full, LayoutInput.of(g, visible), S)).as("a node hidden").isNull();
        assertThat(IncrementalTreeLayout.grow(NodeLayout.empty(), LayoutInput.of(g), S)).as("no layout yet").isNull();
    }

    /** No overlap, children one level below their parent, parents centred over first and last child. */
    static void assertTidy(NodeLayout l, ReasoningGraph g) {
        int n = g.size();
        for (int i = 0; i < n; i++) {
            assertThat(l.placed(i)).as("node %d placed", i).isTrue();
            assertThat(l.x()[i]).isBetween(l.minX(), l.maxX());
        }
        TreeGeometry.assertNoOverlap(l, S, n);
        // jungrapht's level distance, the same on every level
        double level = l.y()[g.firstChild(0)] - l.y()[0];
        assertThat(level).isGreaterThanOrEqualTo(S.cardHeight());
        for (int v = 0; v < n; v++) {
            int c0 = -1;
            int c1 = -1;
            for (int c = g.firstChild(v); c != ReasoningGraph.NONE; c = g.nextSibling(c)) {
                assertThat(l.y()[c] - l.y()[v]).as("child %d of %d one level down", c, v).isCloseTo(level,
                        org.assertj.core.data.Offset.offset(1e-6));
                if (c0 < 0 || c < c0) {
                    c0 = c;
                }
                c1 = Math.max(c1, c);
            }
            if (c0 >= 0) {
                // jungrapht places on whole units: centred to within one
                assertThat(l.x()[v]).as("node %d centred", v).isCloseTo((l.x()[c0] + l.x()[c1]) / 2,
                        org.assertj.core.data.Offset.offset(1.0));
            }
        }
    }

    /** Node ids per row (by y), left to right. */
    static List<List<Integer>> rows(NodeLayout l, int n) {
        Map<Long, List<Integer>> byRow = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            byRow.computeIfAbsent(Math.round(l.y()[i]), k -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> out = new ArrayList<>();
        for (List<Integer> row : byRow.values()) {
            row.sort(Comparator.comparingDouble(i -> l.x()[i]));
            out.add(row);
        }
        return out;
    }
}
