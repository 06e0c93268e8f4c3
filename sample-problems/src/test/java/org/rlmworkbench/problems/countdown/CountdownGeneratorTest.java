package org.rlmworkbench.problems.countdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.problems.game24.Rational;
import org.rlmworkbench.runner.problem.Instance;
import org.rlmworkbench.runner.problem.Split;

class CountdownGeneratorTest {

    private final Countdown countdown = new Countdown();

    /** The gold expression uses every number of the instance exactly once (TinyZero's check) and makes the target. */
    private void assertGoldSolves(String instance, String gold) throws Exception {
        CountdownState s = countdown.parseInstance(instance);
        Rational[] value = new Rational[1];
        Expressions e = Expressions.evaluate(gold, value);
        List<Long> used = new ArrayList<>(e.numbers);
        List<Long> given = new ArrayList<>();
        s.numbers().forEach(r -> given.add(r.numerator()));
        used.sort(null);
        given.sort(null);
        assertThat(used).as("numbers of %s in %s", gold, instance).isEqualTo(given);
        assertThat(value[0].isInteger(s.target())).as("%s = %s, target %s", gold, value[0], s.target()).isTrue();
    }

    @Test
    void everyGeneratedInstanceIsSolvedByItsGoldExpression() throws Exception {
        for (int n = 3; n <= 6; n++) {
            SplittableRandom rng = new SplittableRandom(99 + n);
            for (int k = 0; k < 50; k++) {
                CountdownGenerator.Generated g = CountdownGenerator.generate(n, rng);
                assertGoldSolves(g.text(), g.gold());
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameInstancesAndAnotherSeedOthers() {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        List<String> c = new ArrayList<>();
        SplittableRandom ra = new SplittableRandom(5);
        SplittableRandom rb = new SplittableRandom(5);
        SplittableRandom rc = new SplittableRandom(6);
        for (int k = 0; k < 20; k++) {
            a.add(CountdownGenerator.generate(5, ra).text());
            b.add(CountdownGenerator.generate(5, rb).text());
            c.add(CountdownGenerator.generate(5, rc).text());
        }
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void difficultySetsTheCountOfNumbersAndTheRanges() throws Exception {
        SplittableRandom rng = new SplittableRandom(1);
        for (int k = 0; k < 40; k++) {
            CountdownState three = countdown.parseInstance(CountdownGenerator.generate(3, rng).text());
            assertThat(three.size()).isEqualTo(3);
            assertThat(three.target()).isBetween(10L, 100L);
            three.numbers().forEach(r -> assertThat(r.numerator()).isBetween(1L, 25L));
            CountdownState six = countdown.parseInstance(CountdownGenerator.generate(6, rng).text());
            assertThat(six.size()).isEqualTo(6);
            assertThat(six.target()).isBetween(100L, 999L);
            long large = six.numbers().stream().filter(r -> r.numerator() >= 25).count();
            assertThat(large).isBetween(1L, 4L);
            six.numbers().forEach(r -> assertThat(r.numerator()).isIn(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 25L, 50L, 75L, 100L));
        }
    }

    @Test
    void theDatasetHasDisjointSplitsWithGoldAndDifficultyAndPrefixesSpanAllDifficulties() throws Exception {
        List<Instance> test = countdown.instances(Split.TEST);
        assertThat(countdown.dataset().train()).hasSize(480);
        assertThat(countdown.dataset().validation()).hasSize(80);
        assertThat(test).hasSize(80);
        Set<String> all = new HashSet<>(countdown.dataset().train());
        all.addAll(countdown.dataset().validation());
        all.addAll(countdown.dataset().test());
        assertThat(all).hasSize(640);
        for (Instance i : test) {
            assertGoldSolves(i.text(), i.gold());
            assertThat(i.difficulty()).isEqualTo(countdown.parseInstance(i.text()).size());
        }
        assertThat(test.subList(0, 4)).extracting(Instance::difficulty).containsExactly(3.0, 4.0, 5.0, 6.0);
        assertThat(test.get(0).id()).isEqualTo("countdown-test-0");
    }
}
