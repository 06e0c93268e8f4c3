package org.rlmworkbench.runner.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.rlmworkbench.runner.operator.OperatorTestSupport.op;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.runner.event.ValueBackpropagated;
import org.rlmworkbench.runner.toy.Toy;

class BackpropagateTest {

    /** root -> a -> (x, y) with V(x) = 1, V(y) = -0.5. */
    private static int[] tree(Toy t) {
        int a = op("Generate", Map.of("k", 1, "temperature", 0.0)).apply(t.ctx, new int[] {t.root})[0];
        int[] kids = op("Generate", Map.of("k", 2, "temperature", 0.0)).apply(t.ctx, new int[] {a});
        t.graph().setValue(kids[0], 1.0);
        t.graph().setValue(kids[1], -0.5);
        return new int[] {a, kids[0], kids[1]};
    }

    @Test
    void meanRuleKeepsRunningAveragesAlongThePath() {
        Toy t = new Toy("7 3");
        int[] n = tree(t);
        Operator bp = op("Backpropagate", Map.of("rule", "mean"));
        bp.apply(t.ctx, new int[] {n[1]});
        bp.apply(t.ctx, new int[] {n[2]});
        assertThat(t.graph().visits(t.root)).isEqualTo(2);
        assertThat(t.graph().q(t.root)).isCloseTo(0.25, offset(1e-12));
        assertThat(t.graph().q(n[0])).isCloseTo(0.25, offset(1e-12));
        assertThat(t.graph().visits(n[1])).isEqualTo(1);
        ValueBackpropagated e = t.of(ValueBackpropagated.class).get(1);
        assertThat(e.path()).containsExactly(n[2], n[0], t.root);
        assertThat(e.visits()).containsExactly(1, 2, 2);
        assertThat(e.q()[2]).isEqualTo(t.graph().q(t.root));
    }

    @Test
    void discountShrinksTheValueEachLevelUp() {
        Toy t = new Toy("7 3");
        int[] n = tree(t);
        op("Backpropagate", Map.of("rule", "mean", "discount", 0.5)).apply(t.ctx, new int[] {n[1]});
        assertThat(t.graph().q(n[1])).isEqualTo(1.0);
        assertThat(t.graph().q(n[0])).isEqualTo(0.5);
        assertThat(t.graph().q(t.root)).isEqualTo(0.25);
    }

    @Test
    void maxRuleKeepsTheBestValueSeen() {
        Toy t = new Toy("7 3");
        int[] n = tree(t);
        Operator bp = op("Backpropagate", Map.of("rule", "max"));
        bp.apply(t.ctx, new int[] {n[2]});
        assertThat(t.graph().q(t.root)).isEqualTo(-0.5);
        bp.apply(t.ctx, new int[] {n[1]});
        bp.apply(t.ctx, new int[] {n[2]});
        assertThat(t.graph().q(t.root)).isEqualTo(1.0);
        assertThat(t.graph().visits(t.root)).isEqualTo(3);
    }

    @Test
    void visitWeightedRuleFollowsTheBlueprintFormula() {
        Toy t = new Toy("7 3");
        int[] n = tree(t);
        Operator bp = op("Backpropagate", Map.of("rule", "visit_weighted", "discount", 0.96, "alpha", 0.5));
        bp.apply(t.ctx, new int[] {n[1]});
        // first visit of a: q(a) = g * (1*1.0)/1
        assertThat(t.graph().q(n[0])).isCloseTo(0.96, offset(1e-12));
        bp.apply(t.ctx, new int[] {n[2]});
        bp.apply(t.ctx, new int[] {n[2]});
        // children: N(x)=1, q(x)=1; N(y)=2, q(y)=-0.5 -> weighted mean 0; q(a) <- 0.5 q(a) + 0.5 * 0.96 * 0
        double afterSecond = 0.5 * 0.96 + 0.5 * 0.96 * ((1.0 - 0.5) / 2);
        double expected = 0.5 * afterSecond + 0.5 * 0.96 * ((1.0 + 2 * -0.5) / 3);
        assertThat(t.graph().q(n[0])).isCloseTo(expected, offset(1e-12));
        assertThat(t.graph().visits(n[0])).isEqualTo(3);
    }
}
