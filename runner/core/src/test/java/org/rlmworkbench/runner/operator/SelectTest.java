package org.rlmworkbench.runner.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.rlmworkbench.runner.operator.OperatorTestSupport.op;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.runner.event.Candidate;
import org.rlmworkbench.runner.event.NodeSelected;
import org.rlmworkbench.runner.operator.selection.PriorFreePuctSelection;
import org.rlmworkbench.runner.operator.selection.PuctSelection;
import org.rlmworkbench.runner.operator.selection.UctSelection;
import org.rlmworkbench.runner.toy.Toy;

class SelectTest {

    @Test
    void puctTermsMatchTheFormula() {
        Candidate c = new PuctSelection(1.5).score(4, 0.2, 0.3, 3, 16);
        assertThat(c.u()).isCloseTo(1.5 * 0.3 * 4 / 4, offset(1e-12));
        assertThat(c.score()).isCloseTo(0.2 + 0.45, offset(1e-12));
        Candidate unvisited = new PuctSelection(1.5).score(5, 0.9, 0.3, 0, 16);
        assertThat(unvisited.q()).isZero();
    }

    @Test
    void uctTriesUnvisitedChildrenFirstThenBalances() {
        Candidate unvisited = new UctSelection(1.4).score(1, 0, 0.5, 0, 10);
        assertThat(unvisited.score()).isInfinite();
        Candidate c = new UctSelection(1.4).score(1, 0.5, 0.5, 4, 10);
        assertThat(c.u()).isCloseTo(1.4 * Math.sqrt(Math.log(10) / 4), offset(1e-12));
    }

    @Test
    void priorFreePuctMatchesX1() {
        Candidate c = new PriorFreePuctSelection(1.25, 19652).score(1, 0.0, 0.9, 3, 10);
        double expected = 0.5 + Math.sqrt(9) / 4 * (1.25 + Math.log((10 + 19652.0) / 19652));
        assertThat(c.score()).isCloseTo(expected, offset(1e-12));
        assertThat(c.p()).isEqualTo(0.9);
    }

    @Test
    void treeScopeDescendsByTheRuleAndReportsEveryCandidate() {
        Toy t = new Toy("7 3");
        Operator g = op("Generate", Map.of());
        int[] kids = g.apply(t.ctx, new int[] {t.root});
        g.apply(t.ctx, new int[] {kids[1]});
        t.graph().setStats(t.root, 3, 0);
        t.graph().setStats(kids[0], 1, -1.0);
        t.graph().setStats(kids[1], 1, 0.5);
        t.graph().setStats(kids[2], 1, -0.2);
        int[] out = op("Select", Map.of("rule", "uct", "c", 0.1)).apply(t.ctx, new int[] {t.root});
        // at the root kids[1] has the best Q; below it every child is unvisited, so the first one wins
        assertThat(t.of(NodeSelected.class)).hasSize(2);
        NodeSelected first = t.of(NodeSelected.class).get(0);
        assertThat(first.chosen()).isEqualTo(kids[1]);
        assertThat(first.candidates()).extracting(Candidate::node).containsExactly(kids[0], kids[1], kids[2]);
        assertThat(first.parentVisits()).isEqualTo(3);
        assertThat(out).containsExactly(t.graph().firstChild(kids[1]));
    }

    @Test
    void treeScopeSkipsPrunedChildren() {
        Toy t = new Toy("7 3");
        int[] kids = op("Generate", Map.of()).apply(t.ctx, new int[] {t.root});
        t.graph().markPruned(kids[0]);
        t.graph().markPruned(kids[1]);
        int[] out = op("Select", Map.of("rule", "puct")).apply(t.ctx, new int[] {t.root});
        assertThat(out).containsExactly(kids[2]);
    }

    @Test
    void greedyAndTopKRankTheWorkingSetByValue() {
        Toy t = new Toy("7 3");
        int[] kids = op("Generate", Map.of()).apply(t.ctx, new int[] {t.root});
        t.graph().setValue(kids[0], 0.1);
        t.graph().setValue(kids[1], 0.9);
        t.graph().setValue(kids[2], 0.5);
        assertThat(op("Select", Map.of("rule", "greedy", "scope", "input")).apply(t.ctx, kids))
                .containsExactly(kids[1]);
        assertThat(op("Select", Map.of("rule", "top_k", "scope", "input", "k", 2)).apply(t.ctx, kids))
                .containsExactly(kids[1], kids[2]);
    }

    @Test
    void sampleFollowsTheSeedAndFavoursHighScores() {
        Set<Integer> seen = new HashSet<>();
        int highCount = 0;
        for (long seed = 0; seed < 200; seed++) {
            Toy t = new Toy("7 3", org.rlmworkbench.runner.model.Models.problemNative(), seed);
            int[] kids = op("Generate", Map.of()).apply(t.ctx, new int[] {t.root});
            t.graph().setValue(kids[0], -1);
            t.graph().setValue(kids[1], -1);
            t.graph().setValue(kids[2], 1);
            int chosen = op("Select", Map.of("rule", "sample", "scope", "input", "temperature", 0.5))
                    .apply(t.ctx, kids)[0];
            seen.add(chosen);
            if (chosen == kids[2]) {
                highCount++;
            }
            Toy again = new Toy("7 3", org.rlmworkbench.runner.model.Models.problemNative(), seed);
            int[] k2 = op("Generate", Map.of()).apply(again.ctx, new int[] {again.root});
            again.graph().setValue(k2[0], -1);
            again.graph().setValue(k2[1], -1);
            again.graph().setValue(k2[2], 1);
            assertThat(op("Select", Map.of("rule", "sample", "scope", "input", "temperature", 0.5))
                    .apply(again.ctx, k2)[0]).isEqualTo(chosen);
        }
        // weights e^0 : e^-4 : e^-4 -> the high child about 96% of the time
        assertThat(highCount).isBetween(180, 200);
        assertThat(seen).hasSizeGreaterThan(1);
    }

    @Test
    void childrenScopeWithUnvisitedOnlyWalksSiblingsInTurn() {
        Toy t = new Toy("7 3");
        op("Generate", Map.of()).apply(t.ctx, new int[] {t.root});
        Operator sel = op("Select", Map.of("rule", "greedy", "scope", "children", "by", "prior",
                "unvisited_only", true));
        int a = sel.apply(t.ctx, new int[] {t.root})[0];
        int b = sel.apply(t.ctx, new int[] {t.root})[0];
        int c = sel.apply(t.ctx, new int[] {t.root})[0];
        int none = sel.apply(t.ctx, new int[] {t.root})[0];
        assertThat(new int[] {a, b, c}).containsExactly(3, 2, 1);
        assertThat(none).isEqualTo(t.root);
    }
}
