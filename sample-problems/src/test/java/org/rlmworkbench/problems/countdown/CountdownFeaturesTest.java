package org.rlmworkbench.problems.countdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.runner.neural.Featurisation;
import org.rlmworkbench.runner.problem.Problem;

/** The network inputs Countdown adds to the hashed text: how near the numbers left are to the target. */
class CountdownFeaturesTest {
    private final Countdown cd = new Countdown();

    @Test
    @SuppressWarnings("unchecked")
    void featuresSayHowNearTheNumbersAreToTheTarget() throws Exception {
        Featurisation f = Featurisation.forProblem(cd, 32);
        assertThat(f.problemExtra()).isEqualTo(13);
        assertThat(f.stateSize()).isEqualTo(45);
        List<Object> states = List.of(CountdownState.ofInts(24, 4, 6), CountdownState.ofInts(24, 4, 7),
                CountdownState.ofInts(24, 24), CountdownState.ofInts(952, 25, 50, 75, 100, 3, 6));
        float[] x = f.states((Problem<Object>) (Problem<?>) cd, states);
        float[] oneStep = java.util.Arrays.copyOfRange(x, 32, 45);
        float[] near = java.util.Arrays.copyOfRange(x, 45 + 32, 90);
        float[] solved = java.util.Arrays.copyOfRange(x, 90 + 32, 135);
        float[] six = java.util.Arrays.copyOfRange(x, 135 + 32, 180);
        // two numbers left, one-hot at index 1
        assertThat(oneStep).startsWith(0f, 1f, 0f, 0f, 0f, 0f);
        assertThat(six).startsWith(0f, 0f, 0f, 0f, 0f, 1f);
        // 4 * 6 = 24: a pair reaches the target; 4 * 7 = 28 is 4/24 away: 0.1 / (0.1 + 1/6)
        assertThat(oneStep[8]).isEqualTo(1f);
        assertThat(near[8]).isCloseTo(0.375f, Offset.offset(1e-6f));
        // 6 is 18/24 from the target
        assertThat(oneStep[9]).isCloseTo((float) (0.1 / (0.1 + 0.75)), Offset.offset(1e-6f));
        assertThat(oneStep[7]).isZero();
        assertThat(solved[7]).isEqualTo(1f);
        assertThat(solved[6]).isEqualTo(1f);
        // sum 259 below 952, product far above it
        assertThat(six[11]).isCloseTo((float) Math.tanh(Math.log(259.0 / 952)), Offset.offset(1e-6f));
        assertThat(six[12]).isCloseTo((float) Math.tanh((Math.log(25.0 * 50 * 75 * 100 * 3 * 6) - Math.log(952)) / 3),
                Offset.offset(1e-5f));
        assertThat(oneStep[10]).isZero();
        assertThat(oneStep[6]).isEqualTo((float) cd.heuristicValue((CountdownState) states.get(0)));
    }
}
