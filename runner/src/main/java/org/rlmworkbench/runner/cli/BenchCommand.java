package org.rlmworkbench.runner.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rlmworkbench.runner.bench.EngineBenchmark;
import org.rlmworkbench.runner.problem.InstanceParseException;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Split;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code workbench bench engine}: simulations per second and bytes per node; {@code bench batch}:
 * value-network states per second through batched MCTS ({@link BatchBench}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measures the engine.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", description = "what to measure: engine")
    String what;

    @Option(names = "--problem", defaultValue = "game24", description = "problem id (default: ${DEFAULT-VALUE})")
    String problem;

    @Option(names = "--scheme", defaultValue = "mcts-uct", description = "scheme to run (default: ${DEFAULT-VALUE})")
    String scheme;

    @Option(names = "--seconds", defaultValue = "10", description = "measuring time (default: ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--budget", defaultValue = "10000", description = "iterations per run (default: ${DEFAULT-VALUE})")
    int budget;

    @Option(names = "--models", description = "bench batch: directory of trained networks (workbench train)")
    java.nio.file.Path models;

    @Option(names = "--batches", defaultValue = "1,8,32", split = ",",
            description = "bench batch: Select batch sizes B to measure (default: ${DEFAULT-VALUE})")
    List<Integer> batches;

    @Option(names = "--nodes", defaultValue = "1000000", description = "graph size for bytes per node (default: ${DEFAULT-VALUE})")
    int nodes;

    /** A generous bound on the bytes a node of the measured graph takes (about 210 for Game of 24). */
    static final long BYTES_PER_NODE_BOUND = 300;
    /** The share of the heap the measured graph may take. */
    static final double HEAP_SHARE = 0.8;

    @Override
    public Integer call() throws InstanceParseException {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (what.equals("batch")) {
            return BatchBench.run(this, out, err);
        }
        if (!what.equals("engine")) {
            err.println("error: unknown benchmark '" + what + "'; known: engine, batch");
            return WorkbenchCli.INPUT_ERROR;
        }
        try {
            OptionChecks.range("--seconds", seconds, 0.1, 86_400);
            OptionChecks.range("--budget", budget, 1, OptionChecks.MAX_BUDGET);
            OptionChecks.range("--nodes", nodes, 1, 100_000_000);
            long heap = Runtime.getRuntime().maxMemory();
            if ((double) nodes * BYTES_PER_NODE_BOUND > HEAP_SHARE * heap) {
                throw new InputException(String.format(Locale.ROOT, "--nodes %,d needs about %,d MiB, more than the"
                        + " heap of %,d MiB (-Xmx) can hold; ask for fewer nodes or give Java more memory"
                        + " (WORKBENCH_JAVA_OPTS=-Xmx8g)", nodes, (long) nodes * BYTES_PER_NODE_BOUND >> 20, heap >> 20));
            }
            Problem<?> p = Setup.problem(problem);
            List<String> instances = p.dataset().split(Split.TEST);
            var s = Setup.scheme(scheme);
            out.printf(Locale.ROOT, "bench engine: %s on %s test split, budget %d, one thread, event counter attached%n",
                    s.name(), p.id(), budget);
            EngineBenchmark.simulations(s, p, instances, budget, 1, Math.min(3, seconds / 3));
            var t = EngineBenchmark.simulations(s, p, instances, budget, 1, seconds);
            out.printf(Locale.ROOT, "simulations: %d in %.2f s = %.0f simulations/s (%d runs, %.0f events/s)%n",
                    t.simulations(), t.seconds(), t.simulationsPerSecond(), t.runs(), t.eventsPerSecond());
            double bpn = EngineBenchmark.bytesPerNode(p, instances, nodes);
            out.printf(Locale.ROOT, "memory: %.1f bytes per node (graph of %d %s nodes; 1 GiB holds %.1f million)%n",
                    bpn, nodes, p.id(), (1L << 30) / bpn / 1e6);
            return 0;
        } catch (InputException e) {
            err.println("error: " + e.getMessage());
            return WorkbenchCli.INPUT_ERROR;
        }
    }
}
