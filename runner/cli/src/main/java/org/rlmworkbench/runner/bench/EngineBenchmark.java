package org.rlmworkbench.runner.bench;

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
 * Measures the engine: simulations (iterations of the scheme's loop) per second on one thread with
 * a listener counting every event, and the heap bytes a reasoning-graph node costs.
 */
public final class EngineBenchmark {

    /** Throughput of one measurement. */
    public record Throughput(long simulations, long events, long runs, long nodes, double seconds) {
        public double simulationsPerSecond() {
            return simulations / seconds;
        }

        public double eventsPerSecond() {
            return events / seconds;
        }
    }

    /** Counts events: the cheapest listener that still sees every event. */
    static final class Counter implements RunListener {
        long events;

        @Override
        public void onEvent(RunEvent event) {
            events++;
        }
    }

    private EngineBenchmark() {
    }

    /** Runs the scheme over the instances, cycling, for about {@code seconds}. */
    public static Throughput simulations(Scheme scheme, Problem<?> problem, List<String> instances, Integer budget,
                                         long seed, double seconds) throws InstanceParseException {
        Interpreter interpreter = new Interpreter(scheme, problem, Models.problemNative());
        Counter counter = new Counter();
        long sims = 0;
        long runs = 0;
        long nodes = 0;
        long t0 = System.nanoTime();
        long deadline = t0 + (long) (seconds * 1e9);
        int i = 0;
        while (System.nanoTime() < deadline) {
            RunResult r = interpreter.run(instances.get(i++ % instances.size()), new RunSettings(seed + runs, budget),
                    List.of(counter), null);
            sims += r.iterations();
            nodes += r.nodes();
            runs++;
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        return new Throughput(sims, counter.events, runs, nodes, secs);
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
