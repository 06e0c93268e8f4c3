package org.rlmworkbench.problems.blocksworld;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.runner.neural.Featurisation;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.StepParse;

/** The network inputs Blocksworld adds to the hashed text, along the sample's optimal plan. */
class BlocksFeaturesTest {
    private final Blocksworld bw = new Blocksworld();

    @Test
    @SuppressWarnings("unchecked")
    void featuresFollowTheOptimalPlanToTheGoal() throws Exception {
        BlocksState s = bw.parseInstance(bw.sampleInstance());
        List<Object> states = new ArrayList<>();
        states.add(s);
        for (String a : bw.goldAnswer(bw.sampleInstance()).lines().toList()) {
            s = ((StepParse.Accepted<BlocksState>) bw.parseStep(s, a)).step().next();
            states.add(s);
        }
        Featurisation f = Featurisation.forProblem(bw, 64);
        assertThat(f.problemExtra()).isEqualTo(10);
        float[] x = f.states((Problem<Object>) (Problem<?>) bw, states);
        int size = f.stateSize();
        float[] start = java.util.Arrays.copyOfRange(x, 64, size);
        float[] mid = java.util.Arrays.copyOfRange(x, size + 64, 2 * size);
        float[] end = java.util.Arrays.copyOfRange(x, (states.size() - 1) * size + 64, states.size() * size);
        // the sample: 4 of 4 blocks misplaced, hand empty, 8 optimal actions of 16 allowed
        assertThat(start[1]).isEqualTo(1f);
        assertThat(start[2]).isZero();
        assertThat(start[5]).isEqualTo(1f);
        assertThat(start[6]).isEqualTo(8f / 17);
        assertThat(start[9]).isZero();
        // after the first action the hand holds a block and one action is spent
        assertThat(mid[2]).isEqualTo(1f);
        assertThat(mid[5]).isEqualTo(15f / 16);
        // at the goal: every goal fact met, every block in place, nothing left to do
        assertThat(end[0]).isEqualTo(1f);
        assertThat(end[1]).isZero();
        assertThat(end[3]).isEqualTo(1f);
        assertThat(end[4]).isEqualTo(1f);
        assertThat(end[6]).isZero();
        assertThat(end[9]).isEqualTo(1f);
        assertThat(start[3]).isLessThan(1f);
    }
}
