package org.rlmworkbench.runner.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rlmworkbench.runner.operator.OperatorTestSupport.op;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.runner.event.SolutionFound;
import org.rlmworkbench.runner.event.ValuesComputed;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.model.ValueModel;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.toy.Toy;

class EvaluateTest {

    /** Expands the whole 3-step tree of "7 3" and returns its terminal nodes. */
    private static List<Integer> terminals(Toy t) {
        Operator g = op("Generate", Map.of());
        int[] level = {t.root};
        for (int d = 0; d < 3; d++) {
            level = g.apply(t.ctx, level);
        }
        List<Integer> out = new ArrayList<>();
        for (int n : level) {
            out.add(n);
        }
        return out;
    }

    @Test
    void terminalNodesGetTheVerifiersRewardAndSolutionsAreReported() {
        Toy t = new Toy("7 3");
        List<Integer> leaves = terminals(t);
        assertThat(leaves).hasSize(27);
        op("Evaluate", Map.of("source", "rollout")).apply(t.ctx,
                leaves.stream().mapToInt(Integer::intValue).toArray());
        long correct = leaves.stream().filter(n -> t.graph().reward(n) == 1.0).count();
        // sums of three of {1,2,3} equal to 7: 1+3+3, 2+2+3, 2+3+2 ... six ordered ways
        assertThat(correct).isEqualTo(6);
        assertThat(leaves).allSatisfy(n -> assertThat(t.graph().value(n)).isEqualTo(t.graph().reward(n)));
        assertThat(t.of(SolutionFound.class)).hasSize(6);
        assertThat(t.ctx.solved()).isTrue();
    }

    @Test
    void rolloutValuesAreOutcomesOfRandomPlayouts() {
        Toy t = new Toy("7 3");
        int[] kids = op("Generate", Map.of()).apply(t.ctx, new int[] {t.root});
        op("Evaluate", Map.of("source", "rollout", "rollouts", 200)).apply(t.ctx, kids);
        // from total 3 with 2 steps left, 3 of the 9 playouts reach 7: (1,3), (3,1), (2,2)
        double v3 = t.graph().value(3);
        double p = 3.0 / 9; // (1,3),(3,1),(2,2)
        assertThat(v3).isBetween(2 * p - 1 - 0.2, 2 * p - 1 + 0.2);
        // from total 1 with 2 steps left, 7 needs +6 = 3+3: one playout in nine
        assertThat(t.graph().value(1)).isLessThan(v3);
    }

    @Test
    void rewardSourceUsesTheProcessRewardForPartialStates() {
        Toy t = new Toy("8 3");
        int[] kids = op("Generate", Map.of()).apply(t.ctx, new int[] {t.root});
        op("Evaluate", Map.of("source", "reward")).apply(t.ctx, kids);
        // after +1, at most 1+6 = 7 < 8: hopeless; after +2 or +3 still reachable
        assertThat(t.graph().value(1)).isEqualTo(-1.0);
        assertThat(t.graph().value(2)).isEqualTo(1.0);
        assertThat(t.graph().reward(3)).isEqualTo(1.0);
    }

    @Test
    void valueModelIsCalledOnceForTheWholeBatchAndMixedWithRollouts() {
        List<Integer> batchSizes = new ArrayList<>();
        ValueModel constant = new ValueModel() {
            @Override
            public String name() {
                return "half";
            }

            @Override
            public double[] values(Problem<Object> problem, List<Object> states) {
                batchSizes.add(states.size());
                double[] v = new double[states.size()];
                java.util.Arrays.fill(v, 0.5);
                return v;
            }
        };
        Toy t = new Toy("7 3", Models.problemNative().withValue(constant), 3);
        int[] kids = op("Generate", Map.of()).apply(t.ctx, new int[] {t.root});
        op("Evaluate", Map.of("source", "value")).apply(t.ctx, kids);
        assertThat(batchSizes).containsExactly(3);
        assertThat(t.graph().value(2)).isEqualTo(0.5);
        assertThat(t.of(ValuesComputed.class).get(0).source()).isEqualTo("value");

        op("Evaluate", Map.of("source", "value", "alpha", 1.0)).apply(t.ctx, kids);
        // alpha = 1 is the rollout alone: an outcome of +1 or -1 for one playout
        assertThat(Math.abs(t.graph().value(2))).isEqualTo(1.0);
    }

    @Test
    void valueSourceWithoutAValueModelNamesTheNodeAndField() {
        Toy t = new Toy("7 3");
        assertThatThrownBy(() -> op("Evaluate", Map.of("source", "value")).apply(t.ctx, new int[] {t.root}))
                .isInstanceOf(RunFailedException.class)
                .hasMessageContaining("node 'evaluate'").hasMessageContaining("params.source");
    }

    @Test
    void valueOrRolloutFallsBackToRolloutWithoutAModel() {
        Toy t = new Toy("7 3");
        op("Evaluate", Map.of()).apply(t.ctx, new int[] {t.root});
        assertThat(t.of(ValuesComputed.class).get(0).source()).isEqualTo("rollout");
    }
}
