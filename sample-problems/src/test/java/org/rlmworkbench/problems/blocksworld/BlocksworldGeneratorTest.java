package org.rlmworkbench.problems.blocksworld;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.runner.problem.Instance;
import org.rlmworkbench.runner.problem.Split;

class BlocksworldGeneratorTest {

    private final Blocksworld bw = new Blocksworld();

    @Test
    void everyInstanceHasTheAskedOptimalLengthAndItsGoldPlanReachesTheGoal() throws Exception {
        for (int length = 2; length <= 12; length += 2) {
            SplittableRandom rng = new SplittableRandom(40 + length);
            for (int k = 0; k < 10; k++) {
                BlocksGenerator.Generated g = BlocksGenerator.generate(length, rng);
                BlocksState s = bw.parseInstance(g.text());
                assertThat(BlocksDistances.toGoal(s)).isEqualTo(length);
                assertThat(g.plan().lines().count()).isEqualTo(length);
                assertThat(bw.checkPlan(g.text(), g.plan())).as(g.text()).isNull();
                assertThat(s.blocks()).isBetween(length <= 4 ? 3 : length <= 8 ? 4 : 5, length <= 4 ? 4 : length <= 8 ? 5 : 6);
                assertThat(s.limit()).isEqualTo(2 * length < 4 ? 4 : 2 * length);
                assertThat(s.holding()).isEqualTo(-1);
                assertThat(s.goalReached()).isFalse();
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameInstances() {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        SplittableRandom ra = new SplittableRandom(3);
        SplittableRandom rb = new SplittableRandom(3);
        for (int k = 0; k < 10; k++) {
            a.add(BlocksGenerator.generate(8, ra).text());
            b.add(BlocksGenerator.generate(8, rb).text());
        }
        assertThat(a).isEqualTo(b).doesNotHaveDuplicates();
    }

    @Test
    void theDatasetSpansLengthsTwoToTwelveInEverySplit() throws Exception {
        assertThat(bw.dataset().train()).hasSize(360);
        assertThat(bw.dataset().validation()).hasSize(60);
        List<Instance> test = bw.instances(Split.TEST);
        assertThat(test).hasSize(60);
        Set<String> all = new HashSet<>(bw.dataset().train());
        all.addAll(bw.dataset().validation());
        all.addAll(bw.dataset().test());
        assertThat(all).hasSize(480);
        assertThat(test.subList(0, 6)).extracting(Instance::difficulty).containsExactly(2.0, 4.0, 6.0, 8.0, 10.0, 12.0);
        for (Instance i : test) {
            assertThat(bw.checkPlan(i.text(), i.gold())).isNull();
            assertThat(i.gold().lines().count()).isEqualTo((long) i.difficulty());
        }
    }

    @Test
    void bfsCountsEveryArrangement() {
        // Arrangements of n blocks into ordered stacks (Lah-number sums 1, 3, 13, 73, 501, 4051) plus those holding one.
        assertThat(BlocksDistances.arrangements(3)).hasSize(13 + 3 * 3);
        assertThat(BlocksDistances.arrangements(6)).hasSize(4051 + 6 * 501);
    }
}
