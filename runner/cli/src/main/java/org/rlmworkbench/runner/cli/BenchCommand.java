package org.rlmworkbench.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rlmworkbench.runner.bench.EngineBenchmark;
import org.rlmworkbench.runner.bench.PythonReference;
import org.rlmworkbench.runner.problem.InstanceParseException;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Split;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code workbench bench engine}: simulations per second (per thread count, beside a Python UCT)
 * and bytes per node; {@code bench batch}: value-network states per second through batched MCTS
 * ({@link BatchBench}).
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

    @Option(names = "--threads", defaultValue = "1", split = ",",
            description = "thread counts to measure, e.g. 1,2: independent runs on each thread (default: ${DEFAULT-VALUE})")
    List<Integer> threads;

    @Option(names = "--python", description = "also run the plain Python UCT (bench/python/uct24.py; game24 and"
            + " mcts-uct only) in turns with the one-thread Java measurement, and print the ratio")
    boolean python;

    @Option(names = "--python-exe", defaultValue = "python3", description = "the Python interpreter (default: ${DEFAULT-VALUE})")
    String pythonExe;

    @Option(names = "--rounds", defaultValue = "1",
            description = "measurements per thread count (and of Python), taken in turns; best and median are printed (default: ${DEFAULT-VALUE})")
    int rounds;

    /** A generous bound on the bytes a node of the measured graph takes (about 210 for Game of 24). */
    static final long BYTES_PER_NODE_BOUND = 300;
    /** The share of the heap the measured graph may take. */
    static final double HEAP_SHARE = 0.8;

    private static String load() {
        double l = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return l < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", l);
    }

    private static double max(double[] xs) {
        return java.util.Arrays.stream(xs).max().orElse(Double.NaN);
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        java.util.Arrays.sort(s);
        int m = s.length / 2;
        return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    @Option(names = "--instance", description = "tree-parallel: the instance of the one big search (default: the"
            + " last of the problem's test split)")
    String instance;

    /**
     * {@code bench tree-parallel}: one big search (UCT with rollouts, virtual loss 1) on each thread
     * count in turn, for {@code --seconds} or {@code --budget} simulations; not deterministic.
     */
    private int treeParallel(java.io.PrintWriter out, java.io.PrintWriter err) throws InstanceParseException {
        try {
            OptionChecks.range("--seconds", seconds, 0.1, 86_400);
            OptionChecks.range("--budget", budget, 1, OptionChecks.MAX_BUDGET);
            OptionChecks.range("--rounds", rounds, 1, 1000);
            for (int t : threads) {
                OptionChecks.range("--threads", t, 1, 1024);
            }
            Problem<?> p = Setup.problem(problem);
            List<String> test = p.dataset().split(Split.TEST);
            String inst = instance != null ? instance : test.get(test.size() - 1);
            var search = new org.rlmworkbench.runner.bench.TreeParallelMcts(p, 1.414,
                    org.rlmworkbench.runner.graph.VirtualLoss.alphaZero(1), 50);
            out.printf(Locale.ROOT, "bench tree-parallel: UCT with rollouts and virtual loss 1 on %s '%s', budget %d"
                    + " simulations, event counter attached, not deterministic, %d processors, load average %s%n",
                    p.id(), inst, budget, Runtime.getRuntime().availableProcessors(), load());
            EngineBenchmark.Counter warm = new EngineBenchmark.Counter();
            search.search(inst, threads.get(0), Math.min(budget, 20_000), 1, warm);
            Map<Integer, List<Double>> rates = new LinkedHashMap<>();
            for (int r = 1; r <= rounds; r++) {
                for (int t : threads) {
                    EngineBenchmark.Counter counter = new EngineBenchmark.Counter();
                    var res = search.search(inst, t, budget, r, counter);
                    rates.computeIfAbsent(t, k -> new ArrayList<>()).add(res.simulationsPerSecond());
                    ObjectNode o = new ObjectMapper().createObjectNode();
                    o.put("round", r).put("threads", t).put("simulations", res.simulations()).put("nodes", res.nodes())
                            .put("solved", res.solved()).put("seconds", res.seconds())
                            .put("simulations_per_second", Math.round(res.simulationsPerSecond()))
                            .put("events", counter.events).put("deterministic", res.deterministic());
                    out.println(o);
                }
            }
            for (var e : rates.entrySet()) {
                double[] xs = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
                out.printf(Locale.ROOT, "%d thread%s: best %.0f, median %.0f simulations/s%n", e.getKey(),
                        e.getKey() == 1 ? "" : "s", max(xs), median(xs));
            }
            out.printf(Locale.ROOT, "load average at the end: %s%n", load());
            return 0;
        } catch (InputException e) {
            err.println("error: " + e.getMessage());
            return WorkbenchCli.INPUT_ERROR;
        }
    }

    @Override
    public Integer call() throws InstanceParseException, java.io.IOException {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (what.equals("batch")) {
            return BatchBench.run(this, out, err);
        }
        if (what.equals("tree-parallel")) {
            return treeParallel(out, err);
        }
        if (!what.equals("engine")) {
            err.println("error: unknown benchmark '" + what + "'; known: engine, batch, tree-parallel");
            return WorkbenchCli.INPUT_ERROR;
        }
        try {
            OptionChecks.range("--seconds", seconds, 0.1, 86_400);
            OptionChecks.range("--budget", budget, 1, OptionChecks.MAX_BUDGET);
            OptionChecks.range("--nodes", nodes, 1, 100_000_000);
            OptionChecks.range("--rounds", rounds, 1, 1000);
            for (int t : threads) {
                OptionChecks.range("--threads", t, 1, 1024);
            }
            long heap = Runtime.getRuntime().maxMemory();
            if ((double) nodes * BYTES_PER_NODE_BOUND > HEAP_SHARE * heap) {
                throw new InputException(String.format(Locale.ROOT, "--nodes %,d needs about %,d MiB, more than the"
                        + " heap of %,d MiB (-Xmx) can hold; ask for fewer nodes or give Java more memory"
                        + " (WORKBENCH_JAVA_OPTS=-Xmx8g)", nodes, (long) nodes * BYTES_PER_NODE_BOUND >> 20, heap >> 20));
            }
            Problem<?> p = Setup.problem(problem);
            List<String> instances = p.dataset().split(Split.TEST);
            var s = Setup.scheme(scheme);
            PythonReference py = null;
            if (python) {
                if (!p.id().equals("game24") || !s.name().equals("mcts-uct")) {
                    throw new InputException("--python: the Python reference is UCT on the Game of 24; use it with"
                            + " --problem game24 --scheme mcts-uct (the defaults), not " + p.id() + " / " + s.name());
                }
                py = new PythonReference(pythonExe, PythonReference.DEFAULT_SCRIPT);
                String why = py.availability();
                if (why != null) {
                    err.println("bench engine: Python reference skipped: " + why);
                    py = null;
                }
            }
            out.printf(Locale.ROOT, "bench engine: %s on %s test split, budget %d, event counter attached, %d processors,"
                    + " load average %s%n", s.name(), p.id(), budget, Runtime.getRuntime().availableProcessors(), load());
            // warm-up as long as a measurement (at most 10 s): the JIT needs it, more so on a loaded machine
            EngineBenchmark.simulations(s, p, instances, budget, 1, Math.min(10, seconds));
            Map<String, List<EngineBenchmark.Throughput>> all = new LinkedHashMap<>();
            for (int r = 1; r <= rounds; r++) {
                for (int t : threads) {
                    var m = EngineBenchmark.simulations(s, p, instances, budget, 1, seconds, t);
                    all.computeIfAbsent("java, " + t + (t == 1 ? " thread" : " threads"), k -> new ArrayList<>()).add(m);
                    out.printf(Locale.ROOT, "round %d, %d thread%s: %d simulations in %.2f s = %.0f simulations/s"
                                    + " (%.0f per CPU second; %d runs, %.0f events/s)%n", r, t, t == 1 ? "" : "s",
                            m.simulations(), m.seconds(), m.simulationsPerSecond(), m.simulationsPerCpuSecond(),
                            m.runs(), m.eventsPerSecond());
                }
                if (py != null) {
                    var m = py.measure(instances, budget, 1, seconds).orElse(null);
                    if (m != null) {
                        all.computeIfAbsent("python", k -> new ArrayList<>()).add(m);
                        out.printf(Locale.ROOT, "round %d, python: %d simulations in %.2f s = %.0f simulations/s"
                                        + " (%.0f per CPU second; %d runs)%n", r, m.simulations(), m.seconds(),
                                m.simulationsPerSecond(), m.simulationsPerCpuSecond(), m.runs());
                    }
                }
            }
            for (var e : all.entrySet()) {
                double[] wall = e.getValue().stream().mapToDouble(EngineBenchmark.Throughput::simulationsPerSecond).toArray();
                double[] cpu = e.getValue().stream().mapToDouble(EngineBenchmark.Throughput::simulationsPerCpuSecond).toArray();
                out.printf(Locale.ROOT, "%s: best %.0f, median %.0f simulations/s; per CPU second best %.0f, median %.0f%n",
                        e.getKey(), max(wall), median(wall), max(cpu), median(cpu));
            }
            List<EngineBenchmark.Throughput> pyRuns = all.get("python");
            List<EngineBenchmark.Throughput> javaOne = all.get("java, 1 thread");
            if (pyRuns != null && javaOne != null && pyRuns.size() == javaOne.size()) {
                // ratios of the measurements taken in turns, so each pair saw about the same load
                double[] wall = new double[pyRuns.size()];
                double[] cpu = new double[pyRuns.size()];
                for (int i = 0; i < wall.length; i++) {
                    wall[i] = javaOne.get(i).simulationsPerSecond() / pyRuns.get(i).simulationsPerSecond();
                    cpu[i] = javaOne.get(i).simulationsPerCpuSecond() / pyRuns.get(i).simulationsPerCpuSecond();
                }
                out.printf(Locale.ROOT, "java (1 thread) / python: best %.1f, median %.1f times (simulations/s);"
                        + " per CPU second best %.1f, median %.1f times%n", max(wall), median(wall), max(cpu), median(cpu));
            }
            out.printf(Locale.ROOT, "load average at the end: %s%n", load());
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
