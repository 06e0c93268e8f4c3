package org.rlmworkbench.runner.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rlmworkbench.runner.operator.OperatorTestSupport.op;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.runner.event.Backtracked;
import org.rlmworkbench.runner.toy.Toy;

class BacktrackTest {

    @Test
    void aWrongTerminalGoesBackToTheNearestAncestorWithAnUntriedChild() {
        Toy t = new Toy("7 3");
        Operator expand = op("Generate", Map.of("output", "expanded"));
        Operator descend = op("Select", Map.of("rule", "greedy", "scope", "children", "by", "prior",
                "unvisited_only", true));
        // walk 0 -> 3 -> 6 -> 9 (always the +3 step): 9 is a wrong answer
        int node = t.root;
        for (int d = 0; d < 3; d++) {
            node = descend.apply(t.ctx, expand.apply(t.ctx, new int[] {node}))[0];
        }
        assertThat(t.graph().text(node)).isEqualTo("6 + 3 = 9");
        op("Evaluate", Map.of("source", "reward")).apply(t.ctx, new int[] {node});
        int wrong = node;
        int[] out = op("Backtrack", Map.of()).apply(t.ctx, new int[] {wrong});
        // the parent (total 6) still has untried +1 and +2
        assertThat(t.graph().text(out[0])).isEqualTo("3 + 3 = 6");
        assertThat(t.of(Backtracked.class)).singleElement()
                .satisfies(e -> assertThat(e.from()).isEqualTo(wrong));
    }

    @Test
    void aFullyTriedSubtreeSendsTheSearchFurtherUp() {
        Toy t = new Toy("7 3");
        Operator expand = op("Generate", Map.of("output", "expanded"));
        Operator descend = op("Select", Map.of("rule", "greedy", "scope", "children", "by", "prior",
                "unvisited_only", true));
        int a = descend.apply(t.ctx, expand.apply(t.ctx, new int[] {t.root}))[0];
        int b = descend.apply(t.ctx, expand.apply(t.ctx, new int[] {a}))[0];
        expand.apply(t.ctx, new int[] {b});
        for (int c : t.graph().children(b)) {
            t.ctx.tried().set(c);
        }
        for (int c : t.graph().children(a)) {
            t.ctx.tried().set(c);
        }
        int[] out = op("Backtrack", Map.of()).apply(t.ctx, new int[] {b});
        assertThat(out).containsExactly(t.root);
    }

    @Test
    void aHopelessValueIsADeadEndWithAThreshold() {
        Toy t = new Toy("8 3");
        int[] kids = op("Generate", Map.of()).apply(t.ctx, new int[] {t.root});
        op("Evaluate", Map.of("source", "reward")).apply(t.ctx, new int[] {kids[0]});
        assertThat(op("Backtrack", Map.of()).apply(t.ctx, new int[] {kids[0]})).containsExactly(kids[0]);
        assertThat(op("Backtrack", Map.of("threshold", 0.0)).apply(t.ctx, new int[] {kids[0]}))
                .containsExactly(t.root);
    }

    @Test
    void parentModeGoesOneLevelUp() {
        Toy t = new Toy("7 3");
        int[] kids = op("Generate", Map.of()).apply(t.ctx, new int[] {t.root});
        t.graph().markPruned(kids[1]);
        assertThat(op("Backtrack", Map.of("mode", "parent")).apply(t.ctx, new int[] {kids[1]}))
                .containsExactly(t.root);
    }
}
