package org.rlmworkbench.runner.operator;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.rlmworkbench.runner.event.NodeAdded;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.event.SolutionFound;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.graph.WrittenStep;
import org.rlmworkbench.runner.model.CancelToken;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Step;

/**
 * Everything operators share during one run: the reasoning graph, the problem, the models, the
 * seeded random generator and the event sink. Operators change the graph only through the
 * methods here or by direct calls followed by the matching event, so that the trace describes
 * every change.
 */
public final class RunContext {
    private final ReasoningGraph graph;
    private final Problem<Object> problem;
    private final Models models;
    private final SplittableRandom rng;
    private final EventSink sink;
    private final BitSet tried = new BitSet();
    private final List<Integer> solutions = new ArrayList<>();
    private final MemoryGuard memory = new MemoryGuard();
    private final List<String> warnings = new ArrayList<>();
    private final CancelToken cancelToken = new CancelToken();
    private final ModelCalls modelCalls;
    private final VirtualLosses virtualLosses;
    private volatile boolean cancelled;

    public RunContext(ReasoningGraph graph, Problem<Object> problem, Models models, long seed, EventSink sink) {
        this.graph = graph;
        this.problem = problem;
        this.models = models;
        this.rng = new SplittableRandom(seed);
        this.sink = sink;
        this.modelCalls = new ModelCalls(seed, cancelToken, this::emit);
        this.virtualLosses = new VirtualLosses(graph);
    }

    /** The simulations in flight of a batched search, with their virtual loss. */
    public VirtualLosses virtualLosses() {
        return virtualLosses;
    }

    /** The run's gateway to language models: recording, cache, cancel token and usage. */
    public ModelCalls modelCalls() {
        return modelCalls;
    }

    /** Fires when the run is cancelled; every model call of the run listens to it. */
    public CancelToken cancelToken() {
        return cancelToken;
    }

    public ReasoningGraph graph() {
        return graph;
    }

    public Problem<Object> problem() {
        return problem;
    }

    public Models models() {
        return models;
    }

    public SplittableRandom rng() {
        return rng;
    }

    /** Reports an event; throws {@link RunCancelledException} once the run is cancelled. */
    public void emit(RunEvent e) {
        checkCancelled();
        sink.emit(e);
    }

    /** Reports the run's last event, even when cancelled (for the interpreter's closing event). */
    public void emitFinal(RunEvent e) {
        sink.emit(e);
    }

    public long eventCount() {
        return sink.count();
    }

    /** Adds a child for {@code step} under {@code parent} and reports it. */
    public int addChild(int parent, Step<Object> step, double prior) {
        memory.check(graph.size());
        Object next = step.next();
        boolean terminal = problem.isTerminal(next);
        int id = graph.addChild(parent, step, next, prior, terminal);
        emit(NodeAdded.lazy(id, parent, graph.depth(id), step::text, () -> problem.encodeState(next), prior,
                terminal));
        return id;
    }

    /**
     * Adds a child whose step a model wrote and reports it. A valid one leads to {@code next}; an
     * invalid one (the problem rejected the text) keeps the parent's state, is terminal with reward -1
     * and counts as an invalid step of the run.
     *
     * @param step the parsed step, or null for an invalid one
     */
    public int addWrittenChild(int parent, Step<Object> step, double prior, WrittenStep how) {
        Object next = how.invalid() ? graph.state(parent) : step.next();
        boolean terminal = how.invalid() || problem.isTerminal(next);
        Object content = how.invalid() ? how.raw() : step;
        int id = graph.addWrittenChild(parent, content, next, prior, terminal, how);
        if (how.invalid()) {
            modelCalls.countInvalid();
        }
        String text = graph.text(id);
        emit(new NodeAdded(id, parent, graph.depth(id), text, problem.encodeState(next), prior, terminal, how));
        return id;
    }

    /** Adds the root for the instance state and reports it. */
    public int addRoot(String instanceText, Object state) {
        boolean terminal = problem.isTerminal(state);
        int id = graph.addRoot(instanceText, state, terminal);
        emit(new NodeAdded(id, -1, 0, instanceText, problem.encodeState(state), 1.0, terminal));
        return id;
    }

    /** Marks a verified terminal node solved, once, and reports it. */
    public void solutionFound(int node, double reward) {
        if (graph.isSolved(node)) {
            return;
        }
        graph.markSolved(node);
        solutions.add(node);
        emit(new SolutionFound(node, problem.answer(graph.state(node)), reward));
    }

    /** Solved nodes in the order found. */
    public List<Integer> solutions() {
        return solutions;
    }

    public boolean solved() {
        return !solutions.isEmpty();
    }

    /** Nodes chosen before by a Select that tracks tried children (depth-first search). */
    public BitSet tried() {
        return tried;
    }

    /** Something the user should know about the run, e.g. that a loop stopped early and why. */
    public void warn(String message) {
        warnings.add(message);
    }

    /** The warnings so far, in order. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Cancels the run: the next event ends it, and a model call in flight is abandoned. */
    public void cancel() {
        cancelled = true;
        cancelToken.cancel();
    }

    public void checkCancelled() {
        if (cancelled) {
            throw new RunCancelledException();
        }
    }
}
