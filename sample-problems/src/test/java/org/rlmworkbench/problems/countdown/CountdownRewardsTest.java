package org.rlmworkbench.problems.countdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.runner.problem.StepParse;

class CountdownRewardsTest {

    private final Countdown countdown = new Countdown();

    private CountdownState play(String instance, String... steps) throws Exception {
        CountdownState s = countdown.parseInstance(instance);
        for (String step : steps) {
            StepParse<CountdownState> p = countdown.parseStep(s, step);
            assertThat(p).as(step).isInstanceOf(StepParse.Accepted.class);
            s = ((StepParse.Accepted<CountdownState>) p).step().next();
        }
        return s;
    }

    @Test
    void theVerifierAcceptsOnlyAllNumbersUsedAndTheTargetReached() throws Exception {
        CountdownState solved = play("25 50 75 100 3 6 -> 952",
                "100 + 6 = 106", "106 * 3 = 318", "318 * 75 = 23850", "23850 - 50 = 23800", "23800 / 25 = 952");
        assertThat(solved.isTerminal()).isTrue();
        assertThat(countdown.outcomeReward(solved)).isEqualTo(1.0);
        assertThat(countdown.answer(solved)).isEqualTo("952");
        // Near miss: one number off at the end.
        CountdownState off = play("25 50 75 100 3 6 -> 952",
                "100 + 6 = 106", "106 * 3 = 318", "318 * 75 = 23850", "23850 - 25 = 23825", "23825 / 50 = 953/2");
        assertThat(countdown.outcomeReward(off)).isEqualTo(-1.0);
        // TinyZero's rule: reaching the target with a number unused is not a solution.
        CountdownState early = play("2 950 5 -> 952", "2 + 950 = 952");
        assertThat(early.isTerminal()).isFalse();
        assertThat(countdown.outcomeReward(early)).isEqualTo(-1.0);
    }

    @Test
    void theProcessRewardIsExactUpToFourNumbers() throws Exception {
        assertThat(countdown.processReward(countdown.decodeState("4 6 -> 24")).getAsDouble()).isEqualTo(1.0);
        assertThat(countdown.processReward(countdown.decodeState("4 7 -> 24")).getAsDouble()).isEqualTo(-1.0);
        // Near misses: one off the target either way.
        assertThat(countdown.processReward(countdown.decodeState("5 5 -> 24")).getAsDouble()).isEqualTo(-1.0);
        assertThat(countdown.processReward(countdown.decodeState("5 5 -> 26")).getAsDouble()).isEqualTo(-1.0);
        // Needs a fraction on the way: 8 / (3 - 8/3) = 24.
        assertThat(countdown.processReward(countdown.decodeState("3 3 8 8 -> 24")).getAsDouble()).isEqualTo(1.0);
        assertThat(countdown.processReward(countdown.decodeState("1 1 1 1 -> 24")).getAsDouble()).isEqualTo(-1.0);
        // After a wrong first step the rest cannot make it: 25 + 50 leaves 75 75 ... ; a right one can.
        assertThat(countdown.processReward(countdown.decodeState("3 7 12 -> 33")).getAsDouble()).isEqualTo(1.0);
        assertThat(countdown.processReward(play("3 7 12 -> 33", "12 / 3 = 4")).getAsDouble()).isEqualTo(-1.0);
        assertThat(countdown.processReward(play("3 7 12 -> 33", "3 * 7 = 21")).getAsDouble()).isEqualTo(1.0);
    }

    @Test
    void theBoundedSearchFindsSolutionsOrSaysItDoesNotKnow() throws Exception {
        assertThat(countdown.processReward(countdown.parseInstance("25 50 75 100 3 6 -> 952")).getAsDouble()).isEqualTo(1.0);
        // Six ones cannot make 999; sub-states searched once are not searched again, so this is settled.
        assertThat(countdown.processReward(countdown.decodeState("1 1 1 1 1 1 -> 999")).getAsDouble()).isEqualTo(-1.0);
        // With too small a budget the search neither finds 952 nor rules it out: it does not know.
        CountdownState hard = countdown.parseInstance("25 50 75 100 3 6 -> 952");
        assertThat(CountdownSolver.solve(hard, 1000)).isEqualTo(CountdownSolver.Verdict.UNKNOWN);
        assertThat(CountdownSolver.solve(countdown.decodeState("1 2 3 4 -> 500"), 10)).isEqualTo(CountdownSolver.Verdict.UNSOLVABLE);
    }

    @Test
    void stepsReadLikeGameOf24AndLeaveOutRepeats() throws Exception {
        List<String> texts = countdown.steps(countdown.parseInstance("3 7 12 -> 33")).stream().map(s -> s.text()).toList();
        assertThat(texts).startsWith("3 + 7 = 10 (left: 10 12)", "3 * 7 = 21 (left: 21 12)", "3 - 7 = -4 (left: -4 12)",
                "7 - 3 = 4 (left: 4 12)", "3 / 7 = 3/7 (left: 3/7 12)", "7 / 3 = 7/3 (left: 7/3 12)");
        assertThat(texts).hasSize(18).doesNotHaveDuplicates();
        // 5 5 1: the second (5, 1) pair and 5 - 5 written twice are repeats.
        List<String> repeats = countdown.steps(countdown.decodeState("5 5 1 -> 6")).stream().map(s -> s.text()).toList();
        assertThat(repeats).doesNotHaveDuplicates().contains("5 - 5 = 0 (left: 0 1)", "5 + 1 = 6 (left: 6 5)");
        assertThat(repeats).hasSize(4 + 6);
    }

    @Test
    void theHeuristicPrefersStatesNearTheTarget() throws Exception {
        double near = countdown.heuristicValue(countdown.decodeState("30 3 -> 33"));
        double far = countdown.heuristicValue(countdown.decodeState("2 3 -> 33"));
        assertThat(near).isEqualTo(1.0);
        assertThat(far).isLessThan(0.0);
        assertThat(countdown.heuristicValue(countdown.decodeState("33 -> 33"))).isEqualTo(1.0);
    }
}
