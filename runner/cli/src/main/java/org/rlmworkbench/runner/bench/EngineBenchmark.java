package org.rlmworkbench.runner.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.event.RunListener;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.interpret.Interpreter;
import org.rlmworkbench.runner.interpret.RunResult;
import org.rlmworkbench.runner.interpret.RunSettings;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.problem.InstanceParseException;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Step;
import org.rlmworkbench.runner.scheme.Scheme;

/**
 * Measures the engine: simulations (iterations of the scheme's loop) per second, on one thread or
 * several, with a listener counting every event, and the heap bytes a reasoning-graph node costs.
 */
public final class EngineBenchmark {

    /**
     * Throughput of one measurement on {@code threads} threads. {@code cpuSeconds} is the CPU time
     * the JVM process used meanwhile (its garbage collector and JIT compiler included): on a shared
     * machine it is what the work cost, while {@code seconds} (wall clock) also counts the time
     * other processes had the cores.
     */
    public record Throughput(long simulations, long events, long runs, long nodes, double seconds,
                             double cpuSeconds, int threads) {
        public Throughput(long simulations, long events, long runs, long nodes, double seconds) {
            this(simulations, events, runs, nodes, seconds, Double.NaN, 1);
        }

        public double simulationsPerSecond() {
            return simulations / seconds;
        }

        /** Simulations per second of CPU time of the measuring threads (NaN where not measured). */
        public double simulationsPerCpuSecond() {
            return simulations / cpuSeconds;
        }

        public double eventsPerSecond() {
            return events / seconds;
        }
    }

    /** Counts events: the cheapest listener that still sees every event. */
    public static final class Counter implements RunListener {
        public long events;

        @Override
        public void onEvent(RunEvent event) {
            events++;
        }
    }

    private EngineBenchmark() {
    }

    /** Runs the scheme over the instances, cycling, for about {@code seconds}, on the calling thread. */
    public static Throughput simulations(Scheme scheme, Problem<?> problem, List<String> instances, Integer budget,
                                         long seed, double seconds) throws InstanceParseException {
        return simulations(scheme, problem, instances, budget, seed, seconds, 1);
    }

    /**
     * Runs the scheme over the instances on {@code threads} threads at once for about {@code seconds}:
     * independent runs (thread t takes instances t, t + threads, ... with seeds from its own
     * sequence), each thread with its own interpreter and event counter, as {@code eval --threads}
     * runs instances. Simulations are summed over the threads.
     */
    public static Throughput simulations(Scheme scheme, Problem<?> problem, List<String> instances, Integer budget,
                                         long seed, double seconds, int threads) throws InstanceParseException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be 1 or more, got " + threads);
        }
        for (String instance : instances) {
            problem.parseInstance(instance); // a bad instance fails here, on the caller's thread
        }
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        long deadline = t0 + (long) (seconds * 1e9);
        Worker[] workers = new Worker[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Worker(new Interpreter(scheme, problem, Models.problemNative()), instances, budget,
                    seed + 1_000_003L * t, t, threads, deadline);
        }
        if (threads == 1) {
            workers[0].run();
        } else {
            Thread[] running = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                running[t] = new Thread(workers[t], "bench-engine-" + t);
                running[t].start();
            }
            for (Thread th : running) {
                try {
                    th.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while measuring", e);
                }
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        long cpu1 = processCpuNanos();
        long sims = 0;
        long events = 0;
        long runs = 0;
        long nodes = 0;
        double cpu = 0;
        for (Worker w : workers) {
            if (w.failure != null) {
                throw new IllegalStateException("a benchmark thread failed: " + w.failure, w.failure);
            }
            sims += w.sims;
            events += w.counter.events;
            runs += w.runs;
            nodes += w.nodes;
            cpu += w.cpuSeconds;
        }
        // the whole process's CPU time (garbage collection and JIT included) where the JVM reports it,
        // as the Python reference reports its process's; else the measuring threads' own
        return new Throughput(sims, events, runs, nodes, secs, cpu0 >= 0 && cpu1 >= 0 ? (cpu1 - cpu0) / 1e9 : cpu,
                threads);
    }

    /** CPU time of the whole JVM process in nanoseconds, or -1 where not available. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** One measuring thread: runs until the deadline and notes its own CPU time. */
    private static final class Worker implements Runnable {
        private final Interpreter interpreter;
        private final List<String> instances;
        private final Integer budget;
        private final long seed;
        private final int first;
        private final int stride;
        private final long deadline;
        final Counter counter = new Counter();
        long sims;
        long runs;
        long nodes;
        double cpuSeconds = Double.NaN;
        Throwable failure;

        Worker(Interpreter interpreter, List<String> instances, Integer budget, long seed, int first, int stride,
               long deadline) {
            this.interpreter = interpreter;
            this.instances = instances;
            this.budget = budget;
            this.seed = seed;
            this.first = first;
            this.stride = stride;
            this.deadline = deadline;
        }

        @Override
        public void run() {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            boolean cpu = mx.isCurrentThreadCpuTimeSupported();
            long c0 = cpu ? mx.getCurrentThreadCpuTime() : 0;
            try {
                int i = first;
                while (System.nanoTime() < deadline) {
                    RunResult r = interpreter.run(instances.get(i % instances.size()),
                            new RunSettings(seed + runs, budget), List.of(counter), null);
                    i += stride;
                    sims += r.iterations();
                    nodes += r.nodes();
                    runs++;
                }
            } catch (InstanceParseException | RuntimeException e) {
                failure = e;
            }
            if (cpu) {
                cpuSeconds = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            }
        }
    }

    /**
     * Heap bytes per node of a graph of {@code count} real nodes (states and lazy steps of the
     * problem, grown breadth-first from its instances), measured as the heap growth after GC.
     */
    @SuppressWarnings("unchecked")
    public static double bytesPerNode(Problem<?> anyProblem, List<String> instances, int count)
            throws InstanceParseException {
        Problem<Object> problem = (Problem<Object>) anyProblem;
        long before = usedHeap();
        ReasoningGraph g = new ReasoningGraph(16);
        Object rootState = problem.parseInstance(instances.get(0));
        g.addRoot(instances.get(0), rootState, false);
        int next = 0;
        int inst = 1;
        while (g.size() < count) {
            if (next >= g.size()) {
                // the tree of one instance is exhausted: hang the next instance under the root
                Object s = problem.parseInstance(instances.get(inst++ % instances.size()));
                g.addChild(0, "instance", s, 1.0, false);
            }
            int node = next++;
            Object state = g.state(node);
            if (problem.isTerminal(state)) {
                continue;
            }
            List<Step<Object>> steps = problem.steps(state);
            for (Step<Object> st : steps) {
                if (g.size() >= count) {
                    break;
                }
                int c = g.addChild(node, st, st.next(), 1.0 / steps.size(), problem.isTerminal(st.next()));
                g.setStats(c, 1, 0.5);
                g.setValue(c, 0.1);
            }
        }
        long after = usedHeap();
        double perNode = (after - before) / (double) g.size();
        if (g.size() < 0) {
            throw new AssertionError();
        }
        return perNode;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
