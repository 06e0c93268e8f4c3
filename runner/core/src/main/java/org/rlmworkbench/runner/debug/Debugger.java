package org.rlmworkbench.runner.debug;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.rlmworkbench.runner.event.LoopIteration;
import org.rlmworkbench.runner.event.OperatorEntered;
import org.rlmworkbench.runner.event.OperatorLeft;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.event.RunFinished;
import org.rlmworkbench.runner.event.RunListener;
import org.rlmworkbench.runner.event.SolutionFound;
import org.rlmworkbench.runner.interpret.Interpreter;
import org.rlmworkbench.runner.interpret.RunResult;
import org.rlmworkbench.runner.interpret.RunSettings;
import org.rlmworkbench.runner.operator.EventGate;
import org.rlmworkbench.runner.operator.RunCancelledException;
import org.rlmworkbench.runner.operator.RunContext;
import org.rlmworkbench.runner.problem.InstanceParseException;

/**
 * The debugger facade: runs a scheme on a background thread and stops it between events on
 * command. Step one event, one operator, one iteration of the innermost loop; run until a
 * breakpoint (a scheme node, or a solution being found); pause; cancel; and seek to any event,
 * earlier ones by replaying the deterministic run from the start. Listeners receive every event
 * in order on the run's thread; a seek starts again with {@link org.rlmworkbench.runner.event.RunStarted},
 * which tells them to clear what they show.
 *
 * <p>Model calls are never made twice: a seek back answers every call the earlier run made from
 * its recorded {@code ModelCalled} events, and a debugger opened on a recorded trace
 * ({@link #useRecording}) answers from that. Cancel fires the run's cancel token, so a call in flight
 * ends at once; it waits at most a second for the run's thread, and a run that was cancelled or
 * superseded by a seek delivers no further event to the listeners.
 */
public final class Debugger implements AutoCloseable {

    private enum Mode { PAUSE, STEP_EVENT, STEP_OPERATOR, STEP_ITERATION, RUN, TO_INDEX }

    private final Interpreter interpreter;
    private final String instance;
    private final RunSettings settings;
    private final List<RunListener> listeners = new CopyOnWriteArrayList<>();
    private final List<DebugListener> stateListeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private final Set<String> breakpoints = new HashSet<>();
    private boolean breakOnSolution;
    private final java.util.Map<String, java.util.function.Predicate<RunEvent>> conditions =
            new java.util.LinkedHashMap<>();
    private volatile long delayNanos;

    /** One start of the interpreter: a seek back starts a new one; the old one can only end. */
    private static final class Run {
        final RunContext ctx;
        Thread thread;
        volatile boolean cancelled;
        /** Set once Stop has returned: whatever the run's thread does later reaches no one. */
        volatile boolean closed;

        Run(RunContext ctx) {
            this.ctx = ctx;
        }
    }

    private Thread thread;
    private RunContext context;
    private volatile Run current;
    private List<RunEvent> recording = List.of();
    private org.rlmworkbench.runner.model.ResponseCache cache;
    private Mode mode = Mode.PAUSE;
    private DebugState state = DebugState.READY;
    private long events;
    private long targetIndex = -1;
    private String innermostLoop;
    private boolean cancelRequested;
    private boolean replaying;
    private RunResult result;
    private Throwable failure;
    private final List<RunEvent> recorded = new ArrayList<>();
    private StopReason stopReason;

    /** A debugger for one run; nothing happens until a command. */
    public Debugger(Interpreter interpreter, String instance, RunSettings settings) {
        this.interpreter = interpreter;
        this.instance = instance;
        this.settings = settings;
        interpreter.scheme().nodes().stream().filter(n -> n.breakpoint()).forEach(n -> breakpoints.add(n.id()));
    }

    /**
     * Answers model calls from these recorded events (a reopened workspace's trace) instead of asking
     * the models, as far as the run asks the same; call before the first command.
     */
    public void useRecording(List<RunEvent> events) {
        synchronized (lock) {
            recording = List.copyOf(events);
        }
    }

    /** Answers model calls the recording does not from this response cache (null for none). */
    public void useCache(org.rlmworkbench.runner.model.ResponseCache responses) {
        synchronized (lock) {
            cache = responses;
        }
    }

    public void addListener(RunListener l) {
        listeners.add(l);
    }

    public void removeListener(RunListener l) {
        listeners.remove(l);
    }

    public void addStateListener(DebugListener l) {
        stateListeners.add(l);
    }

    /** Stops before the scheme node {@code nodeId} runs, when playing. */
    public void setBreakpoint(String nodeId, boolean on) {
        synchronized (lock) {
            if (on) {
                breakpoints.add(nodeId);
            } else {
                breakpoints.remove(nodeId);
            }
        }
    }

    public Set<String> breakpoints() {
        synchronized (lock) {
            return Set.copyOf(breakpoints);
        }
    }

    /** Stops right after a solution is found, when playing. */
    public void setBreakOnSolution(boolean on) {
        synchronized (lock) {
            breakOnSolution = on;
        }
    }

    /**
     * Stops a playing run after any event that satisfies {@code condition}, e.g. "node 12 selected";
     * {@code null} removes the condition of that name.
     */
    public void setCondition(String name, java.util.function.Predicate<RunEvent> condition) {
        synchronized (lock) {
            if (condition == null) {
                conditions.remove(name);
            } else {
                conditions.put(name, condition);
            }
        }
    }

    /** A condition that holds when Select chooses reasoning node {@code node}. */
    public static java.util.function.Predicate<RunEvent> nodeSelected(int node) {
        return e -> e instanceof org.rlmworkbench.runner.event.NodeSelected s && s.chosen() == node;
    }

    /** Pause after each graph-changing event while playing: the animation speed; 0 for none. */
    public void setDelayMillis(double millis) {
        delayNanos = (long) (millis * 1e6);
    }

    /** Runs until a breakpoint, the end, or {@link #pause}. */
    public void play() {
        command(Mode.RUN, -1);
    }

    /** Same as {@link #play}: breakpoints always stop a playing run. */
    public void runToBreakpoint() {
        play();
    }

    public void stepEvent() {
        command(Mode.STEP_EVENT, -1);
    }

    /** Runs to the end of the current (or next) scheme node's step. */
    public void stepOperator() {
        command(Mode.STEP_OPERATOR, -1);
    }

    /** Runs to the start of the next iteration of the innermost loop (or the run's end). */
    public void stepIteration() {
        command(Mode.STEP_ITERATION, -1);
    }

    public void pause() {
        synchronized (lock) {
            if (state == DebugState.RUNNING) {
                mode = Mode.PAUSE;
            }
        }
    }

    /** Ends the run; listeners see a final RunFinished with reason {@code cancelled}. */
    public void cancel() {
        Thread t;
        Run r;
        synchronized (lock) {
            cancelRequested = true;
            stopCurrent();
            t = thread;
            r = current;
        }
        join(t);
        if (r != null) {
            synchronized (lock) {
                r.closed = true;
                if (t != null && t.isAlive() && r == current) {
                    // the thread is stuck in a call that ignores its token: the run is over for us
                    replaying = false;
                    setStateLocked(DebugState.CANCELLED);
                }
            }
        }
    }

    /** With the lock held: marks the current run cancelled and fires its token (ending a model call). */
    private void stopCurrent() {
        Run r = current;
        if (r != null) {
            r.cancelled = true;
            r.ctx.cancel();
        }
        lock.notifyAll();
    }

    /**
     * Moves to just after event {@code index} (0-based): forward by running, backward by running
     * the same deterministic run again from the start with its events delivered at full speed.
     */
    public void seek(long index) {
        long target = Math.max(0, index);
        Thread old;
        synchronized (lock) {
            if (target < events || state == DebugState.FINISHED || state == DebugState.CANCELLED
                    || state == DebugState.FAILED) {
                cancelRequested = true;
                // the run so far holds every model call up to here: the replay answers from it
                if (countCalls(recorded) >= countCalls(recording)) {
                    recording = List.copyOf(recorded);
                }
                stopCurrent();
                old = thread;
            } else {
                old = null;
            }
        }
        if (old != null) {
            join(old);
            synchronized (lock) {
                thread = null;
                current = null;
                cancelRequested = false;
                state = DebugState.READY;
                events = 0;
                recorded.clear();
                replaying = true;
            }
        }
        command(Mode.TO_INDEX, target);
    }

    /** Starts over: the run is discarded and the debugger is ready again. */
    public void reset() {
        cancel();
        synchronized (lock) {
            thread = null;
            current = null;
            cancelRequested = false;
            events = 0;
            recorded.clear();
            result = null;
            failure = null;
            mode = Mode.PAUSE;
        }
        setState(DebugState.READY);
    }

    private void command(Mode m, long target) {
        synchronized (lock) {
            if (state == DebugState.FINISHED || state == DebugState.CANCELLED || state == DebugState.FAILED) {
                return;
            }
            mode = m;
            targetIndex = target;
            if (thread == null) {
                startThread();
            } else {
                // RUNNING at once, so that a caller who waits for the next stop cannot see the last one
                setStateLocked(DebugState.RUNNING);
            }
        }
    }

    private static int countCalls(List<RunEvent> events) {
        int n = 0;
        for (RunEvent e : events) {
            if (e instanceof org.rlmworkbench.runner.event.ModelCalled) {
                n++;
            }
        }
        return n;
    }

    private void startThread() {
        Run[] self = new Run[1];
        context = interpreter.newContext(settings, List.of(e -> deliver(self[0], e)), gate(self));
        RunContext ctx = context;
        ctx.modelCalls().replayFrom(recording);
        ctx.modelCalls().useCache(cache);
        Run run = new Run(ctx);
        self[0] = run;
        current = run;
        thread = new Thread(() -> runBody(run), "rlm-debugger-run");
        run.thread = thread;
        thread.setDaemon(true);
        setStateLocked(DebugState.RUNNING);
        thread.start();
    }

    private void runBody(Run run) {
        RunContext ctx = run.ctx;
        try {
            RunResult r = interpreter.run(ctx, instance, settings);
            synchronized (lock) {
                if (run != current || run.closed) {
                    return;
                }
                result = r;
                replaying = false;
                setStateLocked(RunFinished.CANCELLED.equals(r.reason()) ? DebugState.CANCELLED : DebugState.FINISHED);
            }
        } catch (InstanceParseException | RuntimeException e) {
            synchronized (lock) {
                if (run != current || run.closed) {
                    return;
                }
                failure = e;
                replaying = false;
                setStateLocked(DebugState.FAILED);
            }
        }
    }

    private void deliver(Run run, RunEvent e) {
        // a superseded run (a seek started another) or a cancelled one whose call ended late says
        // nothing more, except that it finished
        if (run != null && (run != current || run.closed || run.cancelled && !(e instanceof RunFinished))) {
            return;
        }
        for (RunListener l : listeners) {
            l.onEvent(e);
        }
    }

    private EventGate gate(Run[] self) {
        return (index, event) -> {
            long delay = 0;
            synchronized (lock) {
                Run run = self[0];
                if (run != current || run.cancelled) {
                    throw new RunCancelledException();
                }
                recorded.add(event);
                events = index + 1;
                boolean nextIteration = false;
                if (event instanceof LoopIteration li) {
                    nextIteration = innermostLoop == null || li.loopId().equals(innermostLoop);
                    innermostLoop = li.loopId();
                }
                if (cancelRequested) {
                    throw new RunCancelledException();
                }
                stopReason = null;
                boolean stop = switch (mode) {
                    case STEP_EVENT -> true;
                    case STEP_OPERATOR -> event instanceof OperatorLeft;
                    case STEP_ITERATION -> nextIteration || event instanceof RunFinished;
                    case TO_INDEX -> index >= targetIndex;
                    case RUN -> (stopReason = reasonToStop(event, index)) != null;
                    case PAUSE -> true;
                };
                if (event instanceof RunFinished) {
                    return;
                }
                if (stop) {
                    pauseHere(run);
                } else if (mode != Mode.TO_INDEX && event.changesGraph()) {
                    delay = delayNanos;
                }
            }
            if (delay > 0) {
                try {
                    Thread.sleep(delay / 1_000_000, (int) (delay % 1_000_000));
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new RunCancelledException();
                }
            }
        };
    }

    /** Called with the lock held: what, if anything, stops a playing run after {@code event}. */
    private StopReason reasonToStop(RunEvent event, long index) {
        if (event instanceof OperatorEntered oe && breakpoints.contains(oe.nodeId())) {
            return new StopReason(StopReason.Kind.BREAKPOINT, oe.nodeId(), index);
        }
        if (event instanceof SolutionFound && breakOnSolution) {
            return new StopReason(StopReason.Kind.SOLUTION, "", index);
        }
        for (var c : conditions.entrySet()) {
            if (c.getValue().test(event)) {
                return new StopReason(StopReason.Kind.CONDITION, c.getKey(), index);
            }
        }
        return null;
    }

    /**
     * Why the run is paused, when a breakpoint, the first solution or a condition stopped it; null
     * when it stopped for a step or a pause (or is not paused).
     */
    public StopReason stopReason() {
        synchronized (lock) {
            return state == DebugState.PAUSED ? stopReason : null;
        }
    }

    /** Called with the lock held on the run's thread: waits until a command moves on. */
    private void pauseHere(Run run) {
        mode = Mode.PAUSE;
        replaying = false;
        setStateLocked(DebugState.PAUSED);
        while (mode == Mode.PAUSE && !cancelRequested && !run.cancelled) {
            try {
                lock.wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunCancelledException();
            }
        }
        if (cancelRequested || run.cancelled) {
            throw new RunCancelledException();
        }
        setStateLocked(DebugState.RUNNING);
    }

    private void setState(DebugState s) {
        synchronized (lock) {
            setStateLocked(s);
        }
    }

    private void setStateLocked(DebugState s) {
        state = s;
        lock.notifyAll();
        long n = events;
        for (DebugListener l : stateListeners) {
            l.stateChanged(s, n);
        }
    }

    private static void join(Thread t) {
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        try {
            // a run blocked in a model call ends when its token fires; never hold the caller (the
            // JavaFX thread) longer than a second for one that does not
            t.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks until the run is paused, finished, cancelled or failed (tests, headless use). */
    public DebugState awaitStop(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (lock) {
            while (state == DebugState.RUNNING || state == DebugState.READY && thread != null) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    break;
                }
                lock.wait(left);
            }
            return state;
        }
    }

    public DebugState state() {
        synchronized (lock) {
            return state;
        }
    }

    /** Events delivered so far in the current run. */
    public long eventCount() {
        synchronized (lock) {
            return events;
        }
    }

    /** The current run's events so far (a copy): its trace. */
    public List<RunEvent> events() {
        synchronized (lock) {
            return List.copyOf(recorded);
        }
    }

    /** True while a seek replays events at full speed; views may skip animation. */
    public boolean replaying() {
        synchronized (lock) {
            return replaying;
        }
    }

    /** The result once finished or cancelled, else null. */
    public RunResult result() {
        synchronized (lock) {
            return result;
        }
    }

    public Throwable failure() {
        synchronized (lock) {
            return failure;
        }
    }

    /** The live run's context (its graph is only safe to read while paused or stopped). */
    public RunContext context() {
        synchronized (lock) {
            return context;
        }
    }

    @Override
    public void close() {
        cancel();
    }
}
