package org.rlmworkbench.problems.game24;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.runner.problem.InstanceParseException;
import org.rlmworkbench.runner.problem.Step;

class Game24StepsTest {

    private final Game24 game = new Game24();

    private List<Step<Game24State>> steps(String state) throws InstanceParseException {
        return game.steps(game.decodeState(state));
    }

    private static List<String> texts(List<Step<Game24State>> steps) {
        return steps.stream().map(Step::text).toList();
    }

    @Test
    void fourDistinctNonZeroNumbersGiveAllThirtySixSteps() throws InstanceParseException {
        // 6 pairs x 6 operations; no number repeats (so nothing is a duplicate) and none is
        // zero (so no division by zero is dropped).
        List<Step<Game24State>> steps = game.steps(game.parseInstance("4 6 8 2"));
        assertThat(steps).hasSize(36);
        assertThat(texts(steps)).doesNotHaveDuplicates();
        assertThat(texts(steps)).contains("4 * 6 = 24 (left: 24 8 2)");
        assertThat(texts(steps).subList(0, 6)).containsExactly(
                "4 + 6 = 10 (left: 10 8 2)",
                "4 * 6 = 24 (left: 24 8 2)",
                "4 - 6 = -2 (left: -2 8 2)",
                "6 - 4 = 2 (left: 2 8 2)",
                "4 / 6 = 2/3 (left: 2/3 8 2)",
                "6 / 4 = 3/2 (left: 3/2 8 2)");
        assertThat(texts(steps)).last().isEqualTo("2 / 8 = 1/4 (left: 1/4 4 6)");
    }

    @Test
    void repeatedNumbersDropRepeatedSteps() throws InstanceParseException {
        // 4 4 6 8: pair (4,4) gives 4 steps (4 - 4 and 4 / 4 only once each); the pairs
        // (4,6) and (4,8) count once each although each occurs twice: 2 x 6; (6,8) gives 6.
        // Total 4 + 12 + 6 = 22.
        List<Step<Game24State>> steps = steps("4 4 6 8");
        assertThat(steps).hasSize(22);
        assertThat(texts(steps)).doesNotHaveDuplicates();
        assertThat(texts(steps).subList(0, 4)).containsExactly(
                "4 + 4 = 8 (left: 8 6 8)",
                "4 * 4 = 16 (left: 16 6 8)",
                "4 - 4 = 0 (left: 0 6 8)",
                "4 / 4 = 1 (left: 1 6 8)");
        // 1 1 1 1: a single distinct pair with the four operations that differ.
        assertThat(steps("1 1 1 1")).hasSize(4);
        // 4 6 4: the pair (6, 4) repeats (4, 6) mathematically, so only 6 + 4 = 10 steps.
        assertThat(steps("4 6 4")).hasSize(10);
        assertThat(steps("4 4 6")).hasSize(10);
    }

    @Test
    void divisionByZeroIsSkipped() throws InstanceParseException {
        // 0 and 3: 0 + 3, 0 * 3, 0 - 3, 3 - 0, 0 / 3; not 3 / 0.
        assertThat(texts(steps("0 3"))).containsExactly(
                "0 + 3 = 3 (left: 3)",
                "0 * 3 = 0 (left: 0)",
                "0 - 3 = -3 (left: -3)",
                "3 - 0 = 3 (left: 3)",
                "0 / 3 = 0 (left: 0)");
        // 0 and 0: 0 + 0, 0 * 0, 0 - 0; 0 / 0 is undefined.
        assertThat(steps("0 0")).hasSize(3);
    }

    @Test
    void stepCountDependsOnlyOnTheMultiset() throws InstanceParseException {
        for (String[] orders : new String[][] {
                {"4 4 6 8", "8 4 6 4", "6 4 8 4"}, {"2 2 3 3", "2 3 2 3", "3 2 2 3"}, {"1 1 1 2", "2 1 1 1"}}) {
            int first = steps(orders[0]).size();
            for (String order : orders) {
                assertThat(steps(order)).as(order).hasSize(first);
                assertThat(texts(steps(order))).as(order).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void stepOrderIsDeterministic() throws InstanceParseException {
        assertThat(texts(steps("3 3 8 8"))).isEqualTo(texts(steps("3 3 8 8")));
    }

    @Test
    void terminalStateHasNoSteps() throws InstanceParseException {
        assertThat(steps("24")).isEmpty();
        assertThat(game.randomNext(game.decodeState("24"), new SplittableRandom(1))).isNull();
    }

    @Test
    void lastStepTextShowsTheSingleNumberLeft() throws InstanceParseException {
        assertThat(texts(steps("4 6"))).contains("4 * 6 = 24 (left: 24)");
    }

    @Test
    void randomNextOnlyYieldsStepResultsAndCoversThemUniformly() throws InstanceParseException {
        SplittableRandom rng = new SplittableRandom(42);
        for (String text : new String[] {"4 6 8 2", "4 4 6 8", "1 1 1 1", "0 3 3", "0 0", "3/2 4 -1"}) {
            Game24State state = game.decodeState(text);
            List<Step<Game24State>> steps = game.steps(state);
            // Expected frequency of each next state, written in display order (which randomNext
            // must reproduce too), is its share among the steps.
            Map<String, Integer> expected = new HashMap<>();
            for (Step<Game24State> step : steps) {
                expected.merge(step.next().toString(), 1, Integer::sum);
            }
            int draws = 2_000 * steps.size();
            Map<String, Integer> seen = new HashMap<>();
            for (int k = 0; k < draws; k++) {
                Game24State next = game.randomNext(state, rng);
                assertThat(expected).as(text).containsKey(next.toString());
                seen.merge(next.toString(), 1, Integer::sum);
            }
            assertThat(seen.keySet()).as(text).isEqualTo(expected.keySet());
            // Expected 2000 draws per step, standard deviation about 45: a 15% band is over
            // six deviations wide, and the seed is fixed anyway.
            expected.forEach((next, count) -> assertThat(seen.get(next)).as(text + " -> " + next)
                    .isBetween((int) (count * 2_000 * 0.85), (int) (count * 2_000 * 1.15)));
        }
    }

    @Test
    void stepTextIsBuiltLazilyAndMemoised() throws InstanceParseException {
        Step<Game24State> step = game.steps(game.parseInstance("4 6 8 2")).get(1);
        assertThat(step).isInstanceOf(Game24Step.class);
        assertThat(step.text()).isSameAs(step.text());
    }
}
