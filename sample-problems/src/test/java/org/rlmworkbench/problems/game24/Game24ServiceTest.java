package org.rlmworkbench.problems.game24;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Problems;

class Game24ServiceTest {

    @Test
    void serviceLoaderFindsGame24() {
        Problem<?> problem = Problems.byId("game24");
        assertThat(problem).isInstanceOf(Game24.class);
        assertThat(problem.displayName()).isEqualTo("Game of 24");
        assertThat(problem.description()).isNotBlank();
    }

    @Test
    void sampleInstanceParsesAndIsSolvableButNotTrivial() throws Exception {
        Game24 game = new Game24();
        Game24State s = game.parseInstance(game.sampleInstance());
        assertThat(game.processReward(s).getAsDouble()).isEqualTo(1.0);
        // Fewer than 1 in 100 step sequences reach 24.
        assertThat(game.difficulty(s).solvedShare()).isLessThan(0.01);
        assertThat(game.rankedInstances()).contains(game.sampleInstance());
    }
}
