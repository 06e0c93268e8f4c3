package org.rlmworkbench.problems.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.problems.game24.Game24;
import org.rlmworkbench.runner.eval.EvalReport;
import org.rlmworkbench.runner.eval.SchemeEvaluation;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.problem.Split;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;

/** {@code eval --threads N}: instances run in parallel, and the result does not depend on N. */
class ParallelEvalTest {

    /** The report without its one measured (wall-clock) number. */
    private static ObjectNode withoutTime(String json) throws Exception {
        ObjectNode o = (ObjectNode) new ObjectMapper().readTree(json);
        assertThat(o.get("mean_seconds").asDouble()).isPositive();
        o.remove("mean_seconds");
        return o;
    }

    @Test
    void evalJsonIsTheSameOnOneAndTwoThreads() throws Exception {
        String[] args = {"eval", "--scheme", "mcts-uct", "--problem", "game24", "--split", "test", "--limit", "30",
            "--budget", "300", "--seed", "7", "--json", "--threads"};
        Cli.Result one = Cli.run(concat(args, "1"));
        Cli.Result two = Cli.run(concat(args, "2"));
        assertThat(one.code()).as(one.err()).isZero();
        assertThat(two.code()).as(two.err()).isZero();
        ObjectNode a = withoutTime(one.out());
        // a budget that solves some and not all, so the comparison says something about every run
        assertThat(a.get("solved").asInt()).isBetween(1, 29);
        assertThat(withoutTime(two.out())).isEqualTo(a);
        assertThat(Cli.run("eval", "--split", "test", "--threads", "0").code()).isEqualTo(2);
    }

    @Test
    void reportIsTheSameForAnyThreadCount() throws Exception {
        Game24 p = new Game24();
        List<String> instances = p.dataset().split(Split.TEST).subList(0, 40);
        EvalReport base = SchemeEvaluation.evaluate(BuiltinSchemes.load("mcts"), p, Models.problemNative(), instances,
                60, 11, null, null, 1);
        assertThat(base.solved()).isBetween(1, 39);
        for (int threads : new int[] {2, 3, 8}) {
            EvalReport r = SchemeEvaluation.evaluate(BuiltinSchemes.load("mcts"), p, Models.problemNative(), instances,
                    60, 11, null, null, threads);
            assertThat(new EvalReport(r.scheme(), r.instances(), r.solved(), r.solveRate(), r.medianNodes(),
                    base.meanSeconds(), r.budget(), r.usage())).as(threads + " threads").isEqualTo(base);
        }
    }

    private static String[] concat(String[] a, String last) {
        String[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = last;
        return out;
    }
}
