package org.rlmworkbench.runner.bench;

import java.util.List;
import org.rlmworkbench.runner.interpret.Interpreter;
import org.rlmworkbench.runner.interpret.RunSettings;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.model.ValueModel;
import org.rlmworkbench.runner.problem.InstanceParseException;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.scheme.Scheme;

/**
 * Value-network states per second through batched MCTS: the scheme runs with its Select's
 * {@code batch} set to B on instance after instance for a while, and every state the value model is
 * asked about is counted, with the calls (forward passes) that carried them. Events go nowhere
 * (no listener), so this measures the search and the network, not the trace.
 */
public final class BatchBenchmark {

    private BatchBenchmark() {
    }

    /** What one batch size did. */
    public record Throughput(int batch, long states, long calls, long simulations, double seconds, double cpuSeconds,
                             int runs) {

        public double statesPerSecond() {
            return states / seconds;
        }

        /**
         * States per second of CPU time of the whole process (every thread, PyTorch's included): on a
         * shared machine the wall-clock rate measures the other users as much as the search.
         */
        public double statesPerCpuSecond() {
            return cpuSeconds > 0 ? states / cpuSeconds : Double.NaN;
        }

        /** States per forward pass of the value network: the batch the network really saw. */
        public double meanBatch() {
            return calls == 0 ? 0 : (double) states / calls;
        }
    }

    /** Counts what passes through a value model. */
    private static final class Counting implements ValueModel {
        private final ValueModel inner;
        long states;
        long calls;

        Counting(ValueModel inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public double[] values(Problem<Object> problem, List<Object> batch) {
            states += batch.size();
            calls++;
            return inner.values(problem, batch);
        }
    }

    /** The scheme with the Select node {@code selectId} set to batch {@code b}. */
    public static Scheme withBatch(Scheme scheme, String selectId, int b) {
        return scheme.withNode(scheme.node(selectId).orElseThrow(() -> new IllegalArgumentException(
                "scheme '" + scheme.name() + "' has no node '" + selectId + "'")).withParam("batch", b));
    }

    /**
     * Runs {@code scheme} (already set to its batch) on {@code instances} in turn, seed 0, 1, 2, ...,
     * until {@code seconds} have passed.
     */
    public static Throughput run(Scheme scheme, int batch, Problem<?> problem, Models models, List<String> instances,
                                 int budget, double seconds) throws InstanceParseException {
        Counting counting = new Counting(models.value());
        Interpreter in = new Interpreter(scheme, problem, models.withValue(counting));
        long t0 = System.nanoTime();
        long cpu0 = processCpuNanos();
        long simulations = 0;
        int runs = 0;
        while ((System.nanoTime() - t0) / 1e9 < seconds) {
            String instance = instances.get(runs % instances.size());
            var r = in.run(instance, RunSettings.seed(runs).withBudget(budget), List.of(), null);
            simulations += r.iterations();
            runs++;
        }
        double s = (System.nanoTime() - t0) / 1e9;
        long cpu1 = processCpuNanos();
        double cpu = cpu0 < 0 || cpu1 < 0 ? Double.NaN : (cpu1 - cpu0) / 1e9;
        return new Throughput(batch, counting.states, counting.calls, simulations, s, cpu, runs);
    }

    /** CPU time of the process so far, or -1 where the JVM cannot tell. */
    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }
}
