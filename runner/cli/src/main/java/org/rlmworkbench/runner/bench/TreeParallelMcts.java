package org.rlmworkbench.runner.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.rlmworkbench.runner.event.NodeAdded;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.event.RunListener;
import org.rlmworkbench.runner.event.RunStarted;
import org.rlmworkbench.runner.event.ValueBackpropagated;
import org.rlmworkbench.runner.event.VirtualLossAdded;
import org.rlmworkbench.runner.event.VirtualLossRemoved;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.graph.VirtualLoss;
import org.rlmworkbench.runner.problem.InstanceParseException;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Step;

/**
 * Tree-parallel MCTS: several threads run simulations of one search on one shared reasoning graph,
 * steered apart by AlphaZero's virtual loss. The algorithm per simulation is {@code mcts-uct}'s
 * (UCT descent, expansion with every legal step, a uniformly random rollout, running-mean backup,
 * stop at the first verified solution).
 *
 * <p><b>Not deterministic.</b> Which thread reaches the graph first decides what the others see,
 * so the same seed gives different trees, events and even answers from run to run; results say so
 * ({@link Result#deterministic()} is false). Use it for one big search where throughput matters
 * more than a replayable trace; {@code eval --threads} parallelises across instances instead and
 * stays deterministic.
 *
 * <p><b>Thread safety.</b> {@link ReasoningGraph} is columnar arrays that grow by copying and is not
 * thread-safe, and the event stream must list changes in the order they happened. So every read
 * and write of the graph and every event happens under one lock: the descent with its virtual loss
 * and the expansion form one critical section, the backup (virtual loss taken back, real visit
 * added) another. Only the rollout runs outside the lock: the problem is stateless and each thread
 * has its own generator (split from the seed). This is correct but limits scaling to the share of a
 * simulation spent in rollouts: on the Game of 24 a rollout is at most three random steps, so most
 * of a simulation holds the lock (see docs/benchmarks.md for the measured scaling). Finer locking
 * (per-node statistics in atomics, a graph that grows without copying) would be needed for more.
 */
public final class TreeParallelMcts {

    /** The scheme name its events carry. */
    public static final String SCHEME = "tree-parallel-uct";

    /** What one search did. */
    public record Result(long simulations, int nodes, boolean solved, double seconds, int threads,
                         boolean deterministic, long events) {
        public double simulationsPerSecond() {
            return simulations / seconds;
        }
    }

    private final Problem<Object> problem;
    private final double c;
    private final VirtualLoss virtualLoss;
    private final int rolloutDepth;

    /**
     * @param c the UCT exploration constant ({@code mcts-uct} uses 1.414)
     * @param virtualLoss what an in-flight simulation counts as (e.g. {@code VirtualLoss.alphaZero(1)})
     */
    @SuppressWarnings("unchecked")
    public TreeParallelMcts(Problem<?> problem, double c, VirtualLoss virtualLoss, int rolloutDepth) {
        this.problem = (Problem<Object>) problem;
        this.c = c;
        this.virtualLoss = virtualLoss;
        this.rolloutDepth = rolloutDepth;
    }

    /**
     * Searches {@code instance} on {@code threads} threads until {@code budget} simulations are done
     * in all, a solution is verified, or the tree is exhausted; {@code listener} gets every event,
     * one at a time, in the order of the changes (it is called under the search's lock).
     */
    public Result search(String instance, int threads, long budget, long seed, RunListener listener)
            throws InstanceParseException {
        Object rootState = problem.parseInstance(instance);
        Shared s = new Shared(new ReasoningGraph(), listener);
        s.emit(new RunStarted(SCHEME, problem.id(), instance, seed, RunStarted.FORMAT));
        s.graph.addRoot(instance, rootState, problem.isTerminal(rootState));
        s.emit(new NodeAdded(0, -1, 0, instance, problem.encodeState(rootState), 1.0, problem.isTerminal(rootState)));
        SplittableRandom master = new SplittableRandom(seed);
        Thread[] running = new Thread[threads];
        Throwable[] failure = new Throwable[1];
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            SplittableRandom rng = master.split();
            running[t] = new Thread(() -> {
                try {
                    while (s.started.incrementAndGet() <= budget && !s.stop.get()) {
                        simulate(s, rng);
                    }
                } catch (RuntimeException | Error e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                    s.stop.set(true);
                }
            }, "tree-parallel-" + t);
            running[t].start();
        }
        for (Thread th : running) {
            try {
                th.join();
            } catch (InterruptedException e) {
                s.stop.set(true);
                Thread.currentThread().interrupt();
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        if (failure[0] != null) {
            throw new IllegalStateException("a search thread failed: " + failure[0], failure[0]);
        }
        if (s.graph.anyInFlight()) {
            throw new IllegalStateException("virtual loss left in the graph after the search");
        }
        return new Result(s.done, s.graph.size(), s.solved, secs, threads, threads == 1, s.events);
    }

    /** The graph, the lock that guards it and the counts, shared by the threads of one search. */
    private static final class Shared {
        final ReasoningGraph graph;
        final RunListener listener;
        final ReentrantLock lock = new ReentrantLock();
        final AtomicLong started = new AtomicLong();
        final AtomicBoolean stop = new AtomicBoolean();
        /** Guarded by lock. */
        long done;
        long events;
        boolean solved;

        Shared(ReasoningGraph graph, RunListener listener) {
            this.graph = graph;
            this.listener = listener;
        }

        /** Called with the lock held (or before the threads start). */
        void emit(RunEvent e) {
            events++;
            if (listener != null) {
                listener.onEvent(e);
            }
        }
    }

    private void simulate(Shared s, SplittableRandom rng) {
        ReasoningGraph g = s.graph;
        int[] path;
        int leaf;
        Object leafState;
        boolean terminal;
        s.lock.lock();
        try {
            if (s.stop.get()) {
                return;
            }
            leaf = descend(g);
            expand(s, leaf);
            path = g.pathTo(leaf);
            reverse(path); // leaf first, as the events write paths
            g.addInFlight(path);
            s.emit(new VirtualLossAdded(leaf, path, virtualLoss.count(), virtualLoss.value()));
            leafState = g.state(leaf);
            terminal = g.isTerminal(leaf);
        } finally {
            s.lock.unlock();
        }
        double v = terminal ? problem.outcomeReward(leafState) : rollout(leafState, rng);
        s.lock.lock();
        try {
            g.removeInFlight(path);
            s.emit(new VirtualLossRemoved(leaf, path, virtualLoss.count()));
            if (terminal) {
                g.setReward(leaf, v);
            }
            g.setValue(leaf, v);
            int[] visits = new int[path.length];
            double[] qs = new double[path.length];
            for (int i = 0; i < path.length; i++) {
                int node = path[i];
                int n = g.visits(node) + 1;
                double q = g.q(node) + (v - g.q(node)) / n;
                g.setStats(node, n, q);
                visits[i] = n;
                qs[i] = q;
            }
            s.emit(new ValueBackpropagated(leaf, v, "mean", path, visits, qs));
            s.done++;
            if (terminal && v > 0) {
                s.solved = true;
                s.stop.set(true);
            } else if (g.openCount() == 0 && !g.anyInFlight()) {
                s.stop.set(true); // exhausted: every node expanded, or terminal and evaluated
            }
        } finally {
            s.lock.unlock();
        }
    }

    /** UCT descent on the statistics with virtual loss; called with the lock held. */
    private int descend(ReasoningGraph g) {
        int node = g.root();
        while (!g.isTerminal(node) && g.hasChildren(node)) {
            int parentVisits = virtualLoss.visits(g.visits(node), g.inFlight(node));
            double lnN = Math.log(Math.max(1, parentVisits));
            int best = ReasoningGraph.NONE;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int ch = g.firstChild(node); ch != ReasoningGraph.NONE; ch = g.nextSibling(ch)) {
                int f = g.inFlight(ch);
                int n = virtualLoss.visits(g.visits(ch), f);
                double score = n == 0 ? Double.POSITIVE_INFINITY
                        : virtualLoss.q(g.q(ch), g.visits(ch), f) + c * Math.sqrt(lnN / n);
                if (best == ReasoningGraph.NONE || score > bestScore) {
                    best = ch;
                    bestScore = score;
                }
            }
            node = best;
        }
        return node;
    }

    /** Adds every legal step under {@code node} once; called with the lock held. */
    private void expand(Shared s, int node) {
        ReasoningGraph g = s.graph;
        if (g.isTerminal(node) || g.isExpanded(node)) {
            return;
        }
        g.markExpanded(node);
        Object state = g.state(node);
        List<Step<Object>> steps = problem.steps(state);
        double prior = steps.isEmpty() ? 0 : 1.0 / steps.size();
        for (Step<Object> st : steps) {
            Object next = st.next();
            boolean terminal = problem.isTerminal(next);
            int id = g.addChild(node, st, next, prior, terminal);
            s.emit(NodeAdded.lazy(id, node, g.depth(id), st::text, () -> problem.encodeState(next), prior, terminal));
        }
    }

    private double rollout(Object state, SplittableRandom rng) {
        Object st = state;
        for (int d = 0; d < rolloutDepth && !problem.isTerminal(st); d++) {
            Object next = problem.randomNext(st, rng);
            if (next == null) {
                break;
            }
            st = next;
        }
        return problem.isTerminal(st) ? problem.outcomeReward(st) : problem.heuristicValue(st);
    }

    private static void reverse(int[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
