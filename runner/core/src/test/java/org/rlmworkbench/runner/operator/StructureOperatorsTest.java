package org.rlmworkbench.runner.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rlmworkbench.runner.operator.OperatorTestSupport.op;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.runner.event.NodePruned;
import org.rlmworkbench.runner.event.NodeRefined;
import org.rlmworkbench.runner.event.NodesAggregated;
import org.rlmworkbench.runner.event.Restructured;
import org.rlmworkbench.runner.toy.Toy;

/** Prune, Aggregate, Refine and Restructure on the Sum problem. */
class StructureOperatorsTest {

    @Test
    void pruneTopBKeepsTheBestAndReportsTheRest() {
        Toy t = new Toy("7 3");
        int[] kids = op("Generate", Map.of()).apply(t.ctx, new int[] {t.root});
        t.graph().setValue(kids[0], 0.3);
        t.graph().setValue(kids[1], 0.9);
        t.graph().setValue(kids[2], 0.3);
        int[] kept = op("Prune", Map.of("mode", "top_b", "b", 2)).apply(t.ctx, kids);
        assertThat(kept).containsExactly(kids[0], kids[1]);
        assertThat(t.graph().isPruned(kids[2])).isTrue();
        assertThat(t.of(NodePruned.class)).singleElement().satisfies(e -> {
            assertThat(e.node()).isEqualTo(kids[2]);
            assertThat(e.reason()).contains("2 best by value");
        });
    }

    @Test
    void pruneThresholdDropsLowScores() {
        Toy t = new Toy("7 3");
        int[] kids = op("Generate", Map.of()).apply(t.ctx, new int[] {t.root});
        t.graph().setValue(kids[0], -0.5);
        t.graph().setValue(kids[1], 0.0);
        // kids[2] never evaluated: unknown counts as worst
        int[] kept = op("Prune", Map.of("mode", "threshold", "threshold", 0.0)).apply(t.ctx, kids);
        assertThat(kept).containsExactly(kids[1]);
        assertThat(t.of(NodePruned.class)).hasSize(2);
    }

    @Test
    void voteJoinsTheMajorityIntoOneNodeWithManyParents() {
        Toy t = new Toy("7 3");
        Operator g = op("Generate", Map.of());
        int[] level = {t.root};
        for (int d = 0; d < 3; d++) {
            level = g.apply(t.ctx, level);
        }
        int before = t.graph().size();
        int[] out = op("Aggregate", Map.of("mode", "vote")).apply(t.ctx, level);
        assertThat(out).hasSize(1);
        int target = out[0];
        assertThat(target).isEqualTo(before);
        NodesAggregated e = t.of(NodesAggregated.class).get(0);
        // totals of three steps of 1..3: 6 is reached in 7 ways (the most), 7 in 6 ways
        assertThat(e.answer()).isEqualTo("6");
        assertThat(e.sources()).hasSize(7);
        assertThat(t.graph().parents(target)).hasSize(7);
        assertThat(t.graph().isAggregated(target)).isTrue();
        assertThat(t.graph().text(target)).isEqualTo("majority answer 6 (7 of 27 votes)");
        assertThat(t.graph().asGraph().inDegreeOf(target)).isEqualTo(7);
    }

    @Test
    void mergeMakesEqualStatesOneNode() {
        Toy t = new Toy("7 3");
        Operator g = op("Generate", Map.of());
        int[] level2 = g.apply(t.ctx, g.apply(t.ctx, new int[] {t.root}));
        assertThat(level2).hasSize(9);
        int[] out = op("Aggregate", Map.of("mode", "merge")).apply(t.ctx, level2);
        // totals 2..6 after two steps: five distinct states
        assertThat(out).hasSize(5);
        int four = out[2];
        assertThat(t.graph().text(four)).endsWith("= 4");
        assertThat(t.graph().parents(four)).hasSize(3);
        assertThat(t.of(NodePruned.class)).hasSize(4);
    }

    @Test
    void refineAddsABetterSiblingAndPassesItOn() {
        Toy t = new Toy("9 3");
        int[] kids = op("Generate", Map.of()).apply(t.ctx, new int[] {t.root});
        int weak = kids[0];
        int[] out = op("Refine", Map.of("k", 2, "source", "reward")).apply(t.ctx, new int[] {weak});
        // from 0, "+1" cannot reach 9 in two more steps; "+3" can
        assertThat(out[0]).isNotEqualTo(weak);
        assertThat(t.graph().text(out[0])).isEqualTo("0 + 3 = 3");
        assertThat(t.graph().parent(out[0])).isEqualTo(t.root);
        assertThat(t.graph().isRefined(out[0])).isTrue();
        NodeRefined e = t.of(NodeRefined.class).get(0);
        assertThat(e.original()).isEqualTo(weak);
        assertThat(e.refinedValue()).isGreaterThan(e.originalValue());
    }

    @Test
    void refineByValueWithoutAValueModelRefusesAsEvaluateDoes() {
        Toy t = new Toy("9 3");
        int[] kids = op("Generate", Map.of()).apply(t.ctx, new int[] {t.root});
        int nodesBefore = t.graph().size();
        // it used to score by the heuristic instead, so a scheme asking for a value model ran without one, unsaid
        assertThatThrownBy(() -> op("Refine", Map.of("k", 2, "source", "value")).apply(t.ctx, new int[] {kids[0]}))
                .isInstanceOf(RunFailedException.class)
                .hasMessageContaining("node 'refine', field params.source: 'value' needs a value model");
        assertThat(t.graph().size()).isEqualTo(nodesBefore);
        assertThat(t.of(NodeRefined.class)).isEmpty();
    }

    @Test
    void refineKeepsANodeThatCannotBeBettered() {
        Toy t = new Toy("9 3");
        int[] kids = op("Generate", Map.of()).apply(t.ctx, new int[] {t.root});
        int best = kids[2];
        int[] out = op("Refine", Map.of("k", 2, "source", "reward")).apply(t.ctx, new int[] {best});
        assertThat(out).containsExactly(best);
        assertThat(t.of(NodeRefined.class)).isEmpty();
    }

    @Test
    void restructureCommitsToTheMostVisitedChild() {
        Toy t = new Toy("7 3");
        int[] kids = op("Generate", Map.of()).apply(t.ctx, new int[] {t.root});
        t.graph().setStats(kids[0], 5, 0);
        t.graph().setStats(kids[1], 9, 0);
        t.graph().setStats(kids[2], 2, 0);
        int[] out = op("Restructure", Map.of()).apply(t.ctx, new int[] {t.root});
        assertThat(out).containsExactly(kids[1]);
        assertThat(t.graph().root()).isEqualTo(kids[1]);
        assertThat(t.graph().isPruned(kids[0])).isTrue();
        assertThat(t.graph().isPruned(kids[2])).isTrue();
        assertThat(t.of(Restructured.class).get(0).oldRoot()).isEqualTo(t.root);
    }
}
