package org.rlmworkbench.runner.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rlmworkbench.runner.operator.OperatorTestSupport.op;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.runner.event.NodeAdded;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.toy.Toy;

class GenerateTest {

    @Test
    void expandsEveryLegalStepWithHeuristicPriorsSummingToOne() {
        Toy t = new Toy("7 3");
        int[] out = op("Generate", Map.of("k", 0)).apply(t.ctx, new int[] {t.root});
        assertThat(out).containsExactly(1, 2, 3);
        assertThat(t.graph().children(t.root)).containsExactly(1, 2, 3);
        // stepPreference is the added amount: priors 1/6, 2/6, 3/6
        assertThat(t.graph().prior(1)).isCloseTo(1 / 6.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(t.graph().prior(3)).isCloseTo(3 / 6.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(t.of(NodeAdded.class)).extracting(NodeAdded::text)
                .containsExactly("7 3", "0 + 1 = 1", "0 + 2 = 2", "0 + 3 = 3");
        assertThat(t.of(NodeAdded.class).get(3).state()).isEqualTo("3 2 7");
    }

    @Test
    void uniformPolicyGivesEqualPriors() {
        Toy t = new Toy("7 3", Models.uniform(), 1);
        op("Generate", Map.of()).apply(t.ctx, new int[] {t.root});
        assertThat(t.graph().prior(1)).isEqualTo(t.graph().prior(3));
    }

    @Test
    void kSmallerThanLegalStepsDrawsDistinctStepsReproducibly() {
        Toy a = new Toy("7 3", Models.problemNative(), 42);
        Toy b = new Toy("7 3", Models.problemNative(), 42);
        int[] outA = op("Generate", Map.of("k", 2)).apply(a.ctx, new int[] {a.root});
        int[] outB = op("Generate", Map.of("k", 2)).apply(b.ctx, new int[] {b.root});
        assertThat(outA).hasSize(2);
        assertThat(Arrays.stream(outA).mapToObj(a.graph()::text).distinct()).hasSize(2);
        assertThat(Arrays.stream(outA).mapToObj(a.graph()::text).toList())
                .isEqualTo(Arrays.stream(outB).mapToObj(b.graph()::text).toList());
    }

    @Test
    void temperatureZeroTakesTheHighestPriors() {
        Toy t = new Toy("7 3");
        int[] out = op("Generate", Map.of("k", 1, "temperature", 0.0)).apply(t.ctx, new int[] {t.root});
        assertThat(t.graph().text(out[0])).isEqualTo("0 + 3 = 3");
    }

    @Test
    void expandingTwiceAddsNothingAndPassesTheNodeOn() {
        Toy t = new Toy("7 3");
        Operator g = op("Generate", Map.of());
        g.apply(t.ctx, new int[] {t.root});
        int[] again = g.apply(t.ctx, new int[] {t.root});
        assertThat(again).containsExactly(t.root);
        assertThat(t.graph().size()).isEqualTo(4);
    }

    @Test
    void outputExpandedPassesTheExpandedNode() {
        Toy t = new Toy("7 3");
        int[] out = op("Generate", Map.of("output", "expanded")).apply(t.ctx, new int[] {t.root});
        assertThat(out).containsExactly(t.root);
        assertThat(t.graph().size()).isEqualTo(4);
    }

    @Test
    void chainModeWritesOneStepAtATimeToATerminal() {
        Toy t = new Toy("7 3");
        int[] out = op("Generate", Map.of("mode", "chain")).apply(t.ctx, new int[] {t.root});
        assertThat(out).hasSize(1);
        assertThat(t.graph().isTerminal(out[0])).isTrue();
        assertThat(t.graph().depth(out[0])).isEqualTo(3);
        assertThat(t.graph().size()).isEqualTo(4);
        assertThat(t.graph().pathTo(out[0])).hasSize(4);
    }
}
