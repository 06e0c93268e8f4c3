package org.rlmworkbench.problems.game24;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.runner.problem.Dataset;
import org.rlmworkbench.runner.problem.InstanceParseException;
import org.rlmworkbench.runner.problem.Split;

class Game24DatasetTest {

    private final Game24 game = new Game24();

    /**
     * An independent brute force, sharing no code with the problem: doubles with a tolerance,
     * which is safe here because every value is a ratio of small integers.
     */
    private static boolean bruteForce24(double[] xs) {
        if (xs.length == 1) {
            return Math.abs(xs[0] - 24) < 1e-9;
        }
        for (int i = 0; i < xs.length; i++) {
            for (int j = 0; j < xs.length; j++) {
                if (i == j) {
                    continue;
                }
                double a = xs[i];
                double b = xs[j];
                double[] rest = new double[xs.length - 1];
                int k = 1;
                for (int m = 0; m < xs.length; m++) {
                    if (m != i && m != j) {
                        rest[k++] = xs[m];
                    }
                }
                List<Double> results = new ArrayList<>(List.of(a + b, a - b, a * b));
                if (Math.abs(b) > 1e-12) {
                    results.add(a / b);
                }
                for (double r : results) {
                    rest[0] = r;
                    if (bruteForce24(rest)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Set<String> bruteForceSolvable() {
        Set<String> solvable = new HashSet<>();
        for (int a = 1; a <= 13; a++) {
            for (int b = a; b <= 13; b++) {
                for (int c = b; c <= 13; c++) {
                    for (int d = c; d <= 13; d++) {
                        if (bruteForce24(new double[] {a, b, c, d})) {
                            solvable.add(a + " " + b + " " + c + " " + d);
                        }
                    }
                }
            }
        }
        return solvable;
    }

    @Test
    void holdsExactlyTheSolvablePuzzlesFoundByAnIndependentBruteForce() {
        Set<String> expected = bruteForceSolvable();
        // 1362 of the 1820 multisets, the figure usually quoted for numbers 1..13.
        assertThat(expected).hasSize(1362);
        assertThat(game.rankedInstances()).hasSize(1362).doesNotHaveDuplicates();
        assertThat(new HashSet<>(game.rankedInstances())).isEqualTo(expected);
    }

    @Test
    void splitsPartitionTheRankedListByRank() {
        Dataset d = game.dataset();
        List<String> ranked = game.rankedInstances();
        assertThat(d.train().size() + d.validation().size() + d.test().size()).isEqualTo(ranked.size());
        // Ranks 0, 10, ..., 1360 and 5, 15, ..., 1355.
        assertThat(d.validation()).hasSize(137);
        assertThat(d.test()).hasSize(136);
        assertThat(d.train()).hasSize(1089);
        Set<String> all = new HashSet<>();
        for (Split split : Split.values()) {
            for (String instance : d.split(split)) {
                assertThat(all.add(instance)).as("%s appears in two splits", instance).isTrue();
            }
        }
        assertThat(d.validation().get(0)).isEqualTo(ranked.get(0));
        assertThat(d.test().get(0)).isEqualTo(ranked.get(5));
        assertThat(d.test().get(d.test().size() - 1)).isEqualTo(ranked.get(1355));
    }

    @Test
    void isRankedEasiestFirstWithATotalDeterministicOrder() throws InstanceParseException {
        List<String> ranked = game.rankedInstances();
        for (int k = 1; k < ranked.size(); k++) {
            Game24Difficulty before = game.difficulty(ranked.get(k - 1));
            Game24Difficulty after = game.difficulty(ranked.get(k));
            int cmp = before.compareTo(after);
            assertThat(cmp).as("%s before %s", ranked.get(k - 1), ranked.get(k)).isLessThanOrEqualTo(0);
            if (cmp == 0) {
                assertThat(ranked.get(k - 1)).isLessThan(ranked.get(k));
            }
            assertThat(after.solvedShare()).isLessThanOrEqualTo(before.solvedShare());
        }
        // A fresh generation, not the cached one, gives the same order and splits.
        Game24Dataset fresh = Game24Dataset.generate();
        assertThat(fresh.ranked()).isEqualTo(ranked);
        assertThat(fresh.splits()).isEqualTo(game.dataset());
        assertThat(game.dataset()).isSameAs(game.dataset());
    }

    @Test
    void instancesAreCanonicalAscendingText() throws InstanceParseException {
        for (String instance : game.rankedInstances()) {
            Game24State s = game.parseInstance(instance);
            assertThat(s.canonicalKey()).isEqualTo(instance);
        }
    }

    @Test
    void difficultyCountsCompleteStepSequences() throws InstanceParseException {
        // Four distinct non-zero numbers: 36 first steps; three numbers then give up to 18 and
        // two give up to 6, fewer when a step repeats a number or makes a zero.
        Game24Difficulty d = game.difficulty("4 9 10 13");
        assertThat(d.totalPaths()).isLessThanOrEqualTo(36 * 18 * 6);
        assertThat(d.winningPaths()).isPositive();
        assertThat(game.difficulty("1 1 1 1").solvable()).isFalse();
        // 1 1 1 1: 4 first steps, to {2,1,1}, {1,1,1}, {0,1,1}, {1,1,1}; each then has its own count.
        long manual = 0;
        for (var step : game.steps(game.parseInstance("1 1 1 1"))) {
            for (var second : game.steps(step.next())) {
                manual += game.steps(second.next()).size();
            }
        }
        assertThat(game.difficulty("1 1 1 1").totalPaths()).isEqualTo(manual);
        // Order in the text does not matter.
        assertThat(game.difficulty("13 10 9 4")).isEqualTo(d);
    }
}
