package org.rlmworkbench.runner.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.rlmworkbench.runner.bench.BatchBenchmark;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.neural.ModelFileException;
import org.rlmworkbench.runner.neural.TrainedModels;
import org.rlmworkbench.runner.problem.InstanceParseException;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Split;
import org.rlmworkbench.runner.scheme.NodeType;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.scheme.SchemeNode;

/** {@code workbench bench batch}: value-network states per second through MCTS at each batch size. */
final class BatchBench {

    private BatchBench() {
    }

    static int run(BenchCommand c, PrintWriter out, PrintWriter err) throws InstanceParseException {
        try {
            OptionChecks.range("--seconds", c.seconds, 0.1, 86_400);
            OptionChecks.range("--budget", c.budget, 1, OptionChecks.MAX_BUDGET);
            if (c.models == null) {
                throw new InputException("bench batch needs --models DIR (trained networks: workbench train)");
            }
            for (int b : c.batches) {
                OptionChecks.range("--batches", b, 1, 4096);
            }
            Problem<?> p = Setup.problem(c.problem);
            Scheme s = Setup.scheme(c.scheme);
            String select = s.nodes().stream().filter(n -> n.nodeType() == NodeType.SELECT
                    && "tree".equals(n.params().getOrDefault("scope", "tree"))).map(SchemeNode::id).findFirst()
                    .orElseThrow(() -> new InputException("--scheme " + c.scheme + ": has no Select with scope 'tree'"
                            + " to batch"));
            List<String> instances = p.dataset().split(Split.TEST);
            try (TrainedModels trained = TrainedModels.load(c.models, p)) {
                if (trained.value() == null) {
                    throw new InputException("--models " + c.models + ": holds no value network (value.json)");
                }
                Models m = trained.models(Models.problemNative(), false);
                out.printf(Locale.ROOT, "bench batch: %s on %s test split, budget %d iterations, value network from"
                        + " %s, one thread, %.0f s per batch size%n", s.name(), p.id(), c.budget, c.models, c.seconds);
                BatchBenchmark.run(BatchBenchmark.withBatch(s, select, c.batches.get(0)), c.batches.get(0), p, m,
                        instances, c.budget, Math.min(3, c.seconds / 3)); // warm-up
                for (int b : c.batches) {
                    var t = BatchBenchmark.run(BatchBenchmark.withBatch(s, select, b), b, p, m, instances, c.budget,
                            c.seconds);
                    out.printf(Locale.ROOT, "B = %4d: %9.0f value-network states/s (%.0f per CPU-second), %7.0f"
                            + " forward passes/s, %6.1f states per pass, %.0f iterations/s (%d states, %d runs,"
                            + " %.1f s, %.1f CPU-s)%n", b, t.statesPerSecond(), t.statesPerCpuSecond(),
                            t.calls() / t.seconds(), t.meanBatch(), t.simulations() / t.seconds(), t.states(), t.runs(),
                            t.seconds(), t.cpuSeconds());
                }
            }
            return 0;
        } catch (InputException e) {
            err.println("error: " + e.getMessage());
            return WorkbenchCli.INPUT_ERROR;
        } catch (ModelFileException e) {
            err.println("error: " + e.getMessage());
            return WorkbenchCli.INPUT_ERROR;
        }
    }
}
