package org.rlmworkbench.problems.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rlmworkbench.problems.game24.Game24;
import org.rlmworkbench.problems.game24.Game24State;
import org.rlmworkbench.runner.problem.Step;

/**
 * The Python UCT that {@code bench engine --python} compares against must search the same tree:
 * every step of every state reachable from an instance, in the same order and with the same text,
 * as the Java problem lists them. Skipped where python3 is not installed (CI needs no Python).
 */
class PythonReferenceStepsTest {

    private static final Path SCRIPT = Path.of("..", "bench", "python", "uct24.py");

    @ParameterizedTest
    @ValueSource(strings = {"4 9 10 13", "1 5 5 5", "3 3 8 8", "1 7 11 13", "6 6 6 6"})
    void pythonListsTheSameStepsAsJava(String instance) throws Exception {
        assumeTrue(Files.isRegularFile(SCRIPT), "no " + SCRIPT);
        Process p;
        try {
            p = new ProcessBuilder("python3", SCRIPT.toString(), "--steps", instance).redirectErrorStream(true).start();
        } catch (java.io.IOException noPython) {
            assumeTrue(false, "python3 is not installed");
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        Game24 game = new Game24();
        List<String> java = new ArrayList<>();
        walk(game, game.parseInstance(instance), java);
        assertThat(java).hasSizeGreaterThan(100);
        assertThat(out.lines().toList()).isEqualTo(java);
    }

    private static void walk(Game24 game, Game24State s, List<String> out) {
        for (Step<Game24State> st : game.steps(s)) {
            out.add(st.text());
            walk(game, st.next(), out);
        }
    }
}
