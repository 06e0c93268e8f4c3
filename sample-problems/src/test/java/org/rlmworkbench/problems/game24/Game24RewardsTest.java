package org.rlmworkbench.problems.game24;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.runner.problem.InstanceParseException;
import org.rlmworkbench.runner.problem.Step;

class Game24RewardsTest {

    private final Game24 game = new Game24();

    private Game24State state(String text) throws InstanceParseException {
        return game.decodeState(text);
    }

    @Test
    void terminalOnlyWithOneNumberAndRewardedOnlyForExactly24() throws InstanceParseException {
        assertThat(game.isTerminal(state("24"))).isTrue();
        assertThat(game.isTerminal(state("24 1"))).isFalse();
        assertThat(game.outcomeReward(state("24"))).isEqualTo(1.0);
        assertThat(game.outcomeReward(state("23"))).isEqualTo(-1.0);
        assertThat(game.outcomeReward(state("47/2"))).isEqualTo(-1.0);
        assertThat(game.answer(state("24"))).isEqualTo("24");
        assertThat(game.answer(state("3/2"))).isEqualTo("3/2");
    }

    @Test
    void playingTheSampleToTheEndReaches24() throws InstanceParseException {
        Game24State s = game.parseInstance(game.sampleInstance());
        s = pick(s, "13 - 9 = 4 (left: 4 4 10)");
        s = pick(s, "10 - 4 = 6 (left: 6 4)");
        s = pick(s, "6 * 4 = 24 (left: 24)");
        assertThat(game.isTerminal(s)).isTrue();
        assertThat(game.outcomeReward(s)).isEqualTo(1.0);
    }

    private Game24State pick(Game24State s, String text) {
        return game.steps(s).stream().filter(st -> st.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no step '" + text + "' among "
                        + game.steps(s).stream().map(Step::text).toList()))
                .next();
    }

    @Test
    void processRewardIsExactSolvability() throws InstanceParseException {
        assertThat(game.processReward(game.parseInstance("1 1 1 1")).getAsDouble()).isEqualTo(-1.0);
        assertThat(game.processReward(game.parseInstance("4 9 10 13")).getAsDouble()).isEqualTo(1.0);
        // Needs fractions: 8 / (3 - 8 / 3).
        assertThat(game.processReward(game.parseInstance("3 3 8 8")).getAsDouble()).isEqualTo(1.0);
        assertThat(game.processReward(state("8/3 3 8")).getAsDouble()).isEqualTo(1.0);
        assertThat(game.processReward(state("11/3 8")).getAsDouble()).isEqualTo(-1.0);
        assertThat(game.processReward(state("24")).getAsDouble()).isEqualTo(1.0);
        assertThat(game.processReward(state("25")).getAsDouble()).isEqualTo(-1.0);
        // Asked twice (the second answer comes from the cache) it says the same.
        assertThat(game.processReward(game.parseInstance("1 1 1 1")).getAsDouble()).isEqualTo(-1.0);
    }

    @Test
    void processRewardAgreesWithStepsOnEveryChildOfTheSample() throws InstanceParseException {
        for (Step<Game24State> step : game.steps(game.parseInstance("4 9 10 13"))) {
            boolean someLeafIs24 = game.difficulty(step.next()).solvable();
            assertThat(game.processReward(step.next()).getAsDouble()).as(step.text())
                    .isEqualTo(someLeafIs24 ? 1.0 : -1.0);
        }
    }

    @Test
    void heuristicValueStaysInRangeAndPrefersCloseStates() throws InstanceParseException {
        for (String s : List.of("1 1 1 1", "4 6 8 2", "13 13 13 13", "1/13 1/13 1/13 1/13", "-2197 13", "0 0", "24", "7")) {
            assertThat(game.heuristicValue(state(s))).as(s).isBetween(-1.0, 1.0);
        }
        assertThat(game.heuristicValue(state("24"))).isEqualTo(1.0);
        assertThat(game.heuristicValue(state("7"))).isEqualTo(-1.0);
        assertThat(game.heuristicValue(state("4 6"))).isEqualTo(1.0);
        assertThat(game.heuristicValue(state("4 6"))).isGreaterThan(game.heuristicValue(state("1 1")));
        assertThat(game.heuristicValue(state("24 1 1"))).isGreaterThan(game.heuristicValue(state("1 1 1")));
    }

    @Test
    void stepPreferenceIsPositiveAndFavours24AndFriendlyNumbers() throws InstanceParseException {
        Game24State start = game.parseInstance("4 6 8 2");
        for (Step<Game24State> step : game.steps(start)) {
            assertThat(game.stepPreference(start, step)).as(step.text()).isPositive();
        }
        assertThat(preference("4 6 8 2", "4 * 6 = 24 (left: 24 8 2)"))
                .isGreaterThan(preference("4 6 8 2", "8 / 2 = 4 (left: 4 4 6)"));
        assertThat(preference("4 6 8 2", "8 / 2 = 4 (left: 4 4 6)"))
                .isGreaterThan(preference("4 6 8 2", "6 / 4 = 3/2 (left: 3/2 8 2)"));
        assertThat(preference("4 6", "4 * 6 = 24 (left: 24)"))
                .isGreaterThan(preference("4 6", "4 + 6 = 10 (left: 10)"));
    }

    private double preference(String state, String stepText) throws InstanceParseException {
        Game24State s = state(state);
        Step<Game24State> step = game.steps(s).stream().filter(st -> st.text().equals(stepText)).findFirst()
                .orElseThrow();
        return game.stepPreference(s, step);
    }
}
