package org.rlmworkbench.problems.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.problems.game24.Game24;
import org.rlmworkbench.runner.bench.TreeParallelMcts;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.event.ValueBackpropagated;
import org.rlmworkbench.runner.event.VirtualLossAdded;
import org.rlmworkbench.runner.event.VirtualLossRemoved;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.graph.VirtualLoss;
import org.rlmworkbench.runner.trace.GraphReplayer;

/**
 * Tree-parallel MCTS: threads share one graph. No update may be lost, no virtual loss may stay
 * behind, and the event stream must describe the changes in the order they were made (a replay
 * of it rebuilds the same statistics).
 */
class TreeParallelGame24Test {

    @Test
    void threadsShareOneTreeWithoutLosingAnUpdate() throws Exception {
        Game24 game = new Game24();
        for (int threads : new int[] {1, 2, 4}) {
            List<RunEvent> events = new ArrayList<>();
            TreeParallelMcts search = new TreeParallelMcts(game, 1.414, VirtualLoss.alphaZero(1), 50);
            // 1 7 11 13 has no solution: the search runs its whole budget
            TreeParallelMcts.Result r = search.search("1 7 11 13", threads, 2000, 7, events::add);
            assertThat(r.solved()).isFalse();
            assertThat(r.simulations()).isEqualTo(2000);
            assertThat(r.deterministic()).isEqualTo(threads == 1);
            assertThat(r.events()).isEqualTo(events.size());
            assertThat(events.stream().filter(e -> e instanceof VirtualLossAdded).count()).isEqualTo(2000);
            assertThat(events.stream().filter(e -> e instanceof VirtualLossRemoved).count()).isEqualTo(2000);
            assertThat(events.stream().filter(e -> e instanceof ValueBackpropagated).count()).isEqualTo(2000);

            ReasoningGraph replayed = GraphReplayer.rebuild(events, game);
            assertThat(replayed.size()).isEqualTo(r.nodes());
            // every simulation passed the root once: a lost update would show here
            assertThat(replayed.visits(0)).isEqualTo(2000);
            assertThat(replayed.anyInFlight()).isFalse();
            int sum = 0;
            for (int c : replayed.children(0)) {
                sum += replayed.visits(c);
            }
            assertThat(sum).as("visits of the root's children").isEqualTo(2000 - 1);
        }
    }

    @Test
    void findsASolutionAndStops() throws Exception {
        TreeParallelMcts.Result r = new TreeParallelMcts(new Game24(), 1.414, VirtualLoss.alphaZero(1), 50)
                .search("4 9 10 13", 2, 100_000, 3, null);
        assertThat(r.solved()).isTrue();
        assertThat(r.simulations()).isLessThan(100_000);
    }
}
