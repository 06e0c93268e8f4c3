package org.rlmworkbench.runner.interpret;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rlmworkbench.runner.event.LoopIteration;
import org.rlmworkbench.runner.event.OperatorEntered;
import org.rlmworkbench.runner.event.OperatorLeft;
import org.rlmworkbench.runner.event.RunFinished;
import org.rlmworkbench.runner.event.RunListener;
import org.rlmworkbench.runner.event.RunStarted;
import org.rlmworkbench.runner.graph.ReasoningGraph;
import org.rlmworkbench.runner.model.ModelUsage;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.operator.EventGate;
import org.rlmworkbench.runner.operator.EventSink;
import org.rlmworkbench.runner.operator.HeapLimitException;
import org.rlmworkbench.runner.operator.Operator;
import org.rlmworkbench.runner.operator.Params;
import org.rlmworkbench.runner.operator.RunCancelledException;
import org.rlmworkbench.runner.operator.RunContext;
import org.rlmworkbench.runner.operator.RunFailedException;
import org.rlmworkbench.runner.operator.Select;
import org.rlmworkbench.runner.problem.InstanceParseException;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.scheme.NodeType;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.scheme.SchemeError;
import org.rlmworkbench.runner.scheme.SchemeNode;
import org.rlmworkbench.runner.scheme.SchemeValidator;
import org.rlmworkbench.runner.scheme.Wire;

/**
 * Executes a scheme on a problem instance. The scheme is validated and compiled once; each
 * {@link #run} walks it from Start to Output, applying one scheme node per step and reporting
 * every change as an event. A run is a pure function of scheme, problem, instance, models and
 * seed (unless a Loop has a time budget), so two runs give the same trace.
 *
 * <pre>{@code
 * Interpreter interpreter = new Interpreter(scheme, Problems.byId("game24"), Models.problemNative());
 * RunResult result = interpreter.run("4 6 8 2", RunSettings.seed(7), List.of(traceWriter), null);
 * }</pre>
 */
public final class Interpreter {

    /** The reason of a run whose loop stopped because no node can grow any more. */
    public static final String EXHAUSTED = "exhausted";
    /** The reason of a run whose node-bounded loop stopped making progress. */
    public static final String STALLED = "stalled";
    /** The reason of a run stopped before the heap ran out. */
    public static final String OUT_OF_MEMORY = "out of memory";
    /** Iterations in a row without a new node after which a loop bounded only by max_nodes stops. */
    static final int FRUITLESS_LIMIT = 10_000;

    private final Scheme scheme;
    private final Problem<Object> problem;
    private final Models models;
    private final Compiled[] nodes;
    private final int start;
    private final int firstLoop;
    /** Whether a Select of the scheme collects leaves in batches (its trace is then of format 3). */
    private final boolean batched;

    /** A scheme node ready to run: its operator and where each output port leads. */
    private static final class Compiled {
        final SchemeNode def;
        final NodeType type;
        final Operator operator;
        final Map<String, Wire> out = new HashMap<>();
        final Map<String, Integer> target = new HashMap<>();
        Params params;

        Compiled(SchemeNode def) {
            this.def = def;
            this.type = def.nodeType();
            this.operator = type.isOperator() ? Operator.from(def) : null;
            this.params = new Params(def);
        }
    }

    /**
     * Validates and compiles {@code scheme}.
     *
     * @throws org.rlmworkbench.runner.scheme.InvalidSchemeException listing every error, node and field
     * @throws RunFailedException when a parameter cannot be used
     */
    @SuppressWarnings("unchecked")
    public Interpreter(Scheme scheme, Problem<?> problem, Models models) {
        List<SchemeError> errors = SchemeValidator.validate(scheme);
        if (errors.stream().anyMatch(SchemeError::isError)) {
            throw new org.rlmworkbench.runner.scheme.InvalidSchemeException("scheme '" + scheme.name() + "'", errors);
        }
        this.scheme = scheme;
        this.problem = (Problem<Object>) problem;
        this.models = models;
        List<SchemeNode> defs = scheme.nodes();
        nodes = new Compiled[defs.size()];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < defs.size(); i++) {
            nodes[i] = new Compiled(defs.get(i));
            index.put(defs.get(i).id(), i);
        }
        int s = -1;
        for (int i = 0; i < nodes.length; i++) {
            if (nodes[i].type == NodeType.START) {
                s = i;
            }
        }
        start = s;
        for (Wire w : scheme.wires()) {
            Compiled from = nodes[index.get(w.from())];
            from.out.put(w.fromPort(), w);
            from.target.put(w.fromPort(), index.get(w.to()));
        }
        firstLoop = findFirstLoop();
        batched = java.util.Arrays.stream(nodes).anyMatch(n -> n.operator instanceof Select sel && sel.batch() > 1);
    }

    /** The first Loop met walking the wires breadth-first from Start: the one --budget sets. */
    private int findFirstLoop() {
        Deque<Integer> todo = new ArrayDeque<>(List.of(start));
        Set<Integer> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            int i = todo.poll();
            if (!seen.add(i)) {
                continue;
            }
            if (nodes[i].type == NodeType.LOOP) {
                return i;
            }
            for (String port : nodes[i].type.outputs().stream().map(p -> p.name()).toList()) {
                Integer t = nodes[i].target.get(port);
                if (t != null) {
                    todo.add(t);
                }
            }
        }
        return -1;
    }

    public Scheme scheme() {
        return scheme;
    }

    public Problem<Object> problem() {
        return problem;
    }

    /**
     * Runs on the calling thread.
     *
     * @param listeners called in order with every event
     * @param gate called after each event; may pause or cancel (null for none)
     * @throws InstanceParseException when the problem cannot read the instance
     */
    public RunResult run(String instance, RunSettings settings, List<? extends RunListener> listeners,
                         EventGate gate) throws InstanceParseException {
        Object rootState = problem.parseInstance(instance);
        ReasoningGraph graph = new ReasoningGraph();
        EventSink sink = new EventSink(listeners, gate);
        RunContext ctx = new RunContext(graph, problem, models, settings.seed(), sink);
        return execute(ctx, instance, rootState, settings);
    }

    /** As {@link #run}, with a context the caller keeps, e.g. to read the graph afterwards or cancel. */
    public RunResult run(RunContext ctx, String instance, RunSettings settings) throws InstanceParseException {
        return execute(ctx, instance, problem.parseInstance(instance), settings);
    }

    /** A fresh context for {@link #run(RunContext, String, RunSettings)}. */
    public RunContext newContext(RunSettings settings, List<? extends RunListener> listeners, EventGate gate) {
        return new RunContext(new ReasoningGraph(), problem, models, settings.seed(), new EventSink(listeners, gate));
    }

    private RunResult execute(RunContext ctx, String instance, Object rootState, RunSettings settings) {
        long t0 = System.nanoTime();
        int[] loopCount = new int[nodes.length];
        long[] loopStart = new long[nodes.length];
        int[] sizeBefore = new int[nodes.length];
        long[] versionBefore = new long[nodes.length];
        int[] fruitless = new int[nodes.length];
        String reason = RunFinished.COMPLETED;
        int[][] loopEntry = new int[nodes.length][];
        List<List<int[]>> collected = new ArrayList<>();
        for (int i = 0; i < nodes.length; i++) {
            collected.add(null);
        }
        int iterations = 0;
        int step = 0;
        try {
            ctx.emit(new RunStarted(scheme.name(), problem.id(), instance, settings.seed(),
                    batched ? RunStarted.FORMAT : RunStarted.FORMAT_WITHOUT_BATCHES));
            int root = ctx.addRoot(instance, rootState);
            int[] ws = new int[] {root};
            int cur = start;
            String via = "in";
            while (true) {
                ctx.checkCancelled();
                Compiled c = nodes[cur];
                step++;
                ctx.emit(new OperatorEntered(step, c.def.id(), c.type.typeName(), ws));
                String port;
                switch (c.type) {
                    case START -> {
                        ws = new int[] {ctx.graph().root()};
                        port = "out";
                    }
                    case LOOP -> {
                        boolean reset = c.params.flag("reset");
                        boolean collect = c.params.flag("collect");
                        if (via.equals("in")) {
                            loopCount[cur] = 0;
                            loopStart[cur] = System.nanoTime();
                            loopEntry[cur] = ws;
                            collected.set(cur, collect ? new ArrayList<>() : null);
                        } else {
                            loopCount[cur]++;
                            if (collect) {
                                collected.get(cur).add(ws);
                            }
                            if (reset) {
                                ws = loopEntry[cur];
                            }
                        }
                        Integer budget = cur == firstLoop && settings.budget() != null
                                ? settings.budget() : c.params.optionalInteger("iterations");
                        Integer maxNodes = c.params.optionalInteger("max_nodes");
                        Double seconds = c.params.optionalReal("seconds");
                        boolean spent = budget != null && loopCount[cur] >= budget
                                || maxNodes != null && ctx.graph().size() >= maxNodes
                                || seconds != null && (System.nanoTime() - loopStart[cur]) / 1e9 >= seconds
                                || modelBudgetSpent(c.params, ctx.modelCalls().usage());
                        if (!spent && !via.equals("in")) {
                            String stop = stopEarly(ctx, c, loopCount[cur], sizeBefore[cur], versionBefore[cur],
                                    fruitless, cur, budget == null && seconds == null);
                            if (stop != null) {
                                spent = true;
                                reason = stop;
                            }
                        }
                        sizeBefore[cur] = ctx.graph().size();
                        versionBefore[cur] = ctx.graph().version();
                        if (spent) {
                            port = "done";
                            if (collect) {
                                ws = collected.get(cur).stream().flatMapToInt(java.util.Arrays::stream).toArray();
                            }
                        } else {
                            port = "body";
                            if (cur == firstLoop) {
                                iterations++;
                            }
                            ctx.emit(new LoopIteration(c.def.id(), loopCount[cur] + 1, budget == null ? -1 : budget));
                        }
                    }
                    case BRANCH -> port = condition(ctx, c, ws) ? "true" : "false";
                    case OUTPUT -> {
                        Outcome o = Outcome.choose(ctx, c.params, ws);
                        ctx.emit(new OperatorLeft(step, c.def.id(), c.type.typeName(), o.pathIds(), "result"));
                        return finish(ctx, o, iterations, t0, reason);
                    }
                    default -> {
                        ws = c.operator.apply(ctx, ws);
                        port = "out";
                    }
                }
                ctx.emit(new OperatorLeft(step, c.def.id(), c.type.typeName(), ws, port));
                Wire w = c.out.get(port);
                if (w == null) {
                    throw new RunFailedException("node '" + c.def.id() + "': output port '" + port + "' has no wire");
                }
                cur = c.target.get(port);
                via = w.toPort();
            }
        } catch (RunCancelledException e) {
            Outcome o = Outcome.choose(ctx, null, new int[0]);
            return finish(ctx, o, iterations, t0, RunFinished.CANCELLED);
        } catch (HeapLimitException e) {
            ctx.warn(e.getMessage() + "; the tree so far is kept");
            Outcome o = Outcome.choose(ctx, null, new int[0]);
            return finish(ctx, o, iterations, t0, OUT_OF_MEMORY);
        }
    }

    /**
     * Why a loop should stop before its budget, or null: the tree is exhausted (the iteration added
     * no node and no node can grow any more), or a loop bounded only by nodes made no progress (an
     * iteration that changed nothing, or {@link #FRUITLESS_LIMIT} iterations in a row without a node);
     * a loop with only model budgets counts as bounded by nodes here.
     */
    private static String stopEarly(RunContext ctx, Compiled c, int done, int sizeBefore, long versionBefore,
                                    int[] fruitless, int cur, boolean onlyNodeBound) {
        ReasoningGraph g = ctx.graph();
        boolean added = g.size() > sizeBefore;
        fruitless[cur] = added ? 0 : fruitless[cur] + 1;
        if (!added && g.openCount() == 0) {
            ctx.warn("loop '" + c.def.id() + "' stopped after " + done + " iterations: the search tree is exhausted"
                    + " (each of its " + g.size() + " nodes is expanded, or terminal and evaluated);"
                    + " more iterations would find nothing new");
            return EXHAUSTED;
        }
        if (onlyNodeBound && g.version() == versionBefore) {
            ctx.warn("loop '" + c.def.id() + "' stopped after " + done + " iterations: its last iteration changed"
                    + " nothing, so its max_nodes (or model budget) would never be reached");
            return STALLED;
        }
        if (onlyNodeBound && fruitless[cur] >= FRUITLESS_LIMIT) {
            ctx.warn("loop '" + c.def.id() + "' stopped after " + done + " iterations: " + FRUITLESS_LIMIT
                    + " iterations in a row added no node, so its max_nodes (or model budget) may never be reached");
            return STALLED;
        }
        return null;
    }

    /** Whether the run's model usage has reached one of the loop's model budgets (run-wide counts). */
    private static boolean modelBudgetSpent(Params p, ModelUsage u) {
        Integer calls = p.optionalInteger("model_calls");
        Integer tokens = p.optionalInteger("tokens");
        Double cost = p.optionalReal("cost");
        return calls != null && u.calls() >= calls || tokens != null && u.tokens() >= tokens
                || cost != null && u.cost() >= cost;
    }

    private RunResult finish(RunContext ctx, Outcome o, int iterations, long t0, String reason) {
        int nodes = ctx.graph().size();
        try {
            // a run that ends between a batched Select and its Backpropagate leaves no virtual loss behind
            ctx.virtualLosses().takeBackAll(ctx::emitFinal);
            ctx.emitFinal(new RunFinished(reason, o.solved(), o.answer(), o.pathIds(), iterations, nodes));
        } catch (RunCancelledException ignored) {
            // cancelled while delivering the last event: the run is over either way
        }
        List<String> texts = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        int[] path = o.pathIds();
        for (int i = 0; i < path.length; i++) {
            ids.add(path[i]);
            if (i > 0) {
                texts.add(ctx.graph().text(path[i]));
            }
        }
        return new RunResult(o.solved(), o.answer(), iterations, nodes, ctx.eventCount(),
                (System.nanoTime() - t0) / 1e9, texts, ids, reason, ctx.modelCalls().usage());
    }

    private boolean condition(RunContext ctx, Compiled c, int[] ws) {
        ReasoningGraph g = ctx.graph();
        return switch (c.params.choice("condition")) {
            case "solved" -> ctx.solved();
            case "frontier_empty" -> ws.length == 0;
            case "depth_reached" -> {
                int d = c.params.integer("depth");
                for (int n : ws) {
                    if (g.depth(n) >= d) {
                        yield true;
                    }
                }
                yield false;
            }
            case "all_terminal" -> {
                for (int n : ws) {
                    if (!g.isTerminal(n)) {
                        yield false;
                    }
                }
                yield true;
            }
            default -> throw new IllegalStateException();
        };
    }
}
