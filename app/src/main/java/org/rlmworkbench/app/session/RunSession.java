package org.rlmworkbench.app.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.rlmworkbench.graphview.model.FxEventBatcher;
import org.rlmworkbench.runner.debug.DebugState;
import org.rlmworkbench.runner.debug.Debugger;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.interpret.Interpreter;
import org.rlmworkbench.runner.interpret.RunSettings;
import org.rlmworkbench.runner.model.ModelCatalog;
import org.rlmworkbench.runner.problem.InstanceParseException;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Problems;
import org.rlmworkbench.runner.scheme.InvalidSchemeException;

/**
 * The run the window shows, as properties and commands over the runner's {@link Debugger}: no
 * controls, so it is tested without a window. Events reach the registered consumers on the
 * JavaFX thread, in order, in batches; a seek back starts again with RunStarted, which tells
 * every consumer to clear what it shows.
 */
public final class RunSession {
    private final ModelCatalog catalog;
    private final List<Consumer<List<RunEvent>>> consumers = new ArrayList<>();
    /** The live run's batcher; one per run, so that a discarded run's late events are dropped. */
    private FxEventBatcher batcher;
    private final ReadOnlyObjectWrapper<DebugState> state = new ReadOnlyObjectWrapper<>(this, "state",
            DebugState.READY);
    private final ReadOnlyLongWrapper position = new ReadOnlyLongWrapper(this, "position");
    private final ReadOnlyLongWrapper furthest = new ReadOnlyLongWrapper(this, "furthest");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper usageText = new ReadOnlyStringWrapper(this, "usageText", "");
    private final ModelUsageTally usage = new ModelUsageTally();
    private List<RunEvent> recording = List.of();
    /** Events delivered to the consumers in this run; the events themselves are kept once, by the debugger. */
    private long delivered;
    private RunSetup setup;
    private Debugger debugger;
    private double delayMillis = 100;
    private boolean breakOnSolution;
    private String nodeCondition;

    public RunSession(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    /** Receives every batch of events on the JavaFX thread. */
    public void addConsumer(Consumer<List<RunEvent>> consumer) {
        consumers.add(consumer);
    }

    public ReadOnlyObjectProperty<DebugState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Events shown so far (the timeline's position). */
    public ReadOnlyLongProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    /** The furthest event reached in this run: the timeline's end. */
    public ReadOnlyLongProperty furthestProperty() {
        return furthest.getReadOnlyProperty();
    }

    /** The last error or notice, in words; empty when all is well. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** What the shown run spent on language models (calls, tokens, cost, invalid steps); empty when none. */
    public ReadOnlyStringProperty usageTextProperty() {
        return usageText.getReadOnlyProperty();
    }

    /**
     * Answers the next run's model calls from these recorded events (a reopened workspace's trace),
     * so that replaying it never asks a model; call before {@link #seek}.
     */
    public void useRecording(List<RunEvent> events) {
        recording = List.copyOf(events);
        if (debugger != null) {
            debugger.useRecording(recording);
        }
    }

    public RunSetup setup() {
        return setup;
    }

    /** The events shown so far, in order (the current trace). */
    public List<RunEvent> events() {
        if (debugger == null) {
            return List.of();
        }
        List<RunEvent> all = debugger.events();
        return all.subList(0, (int) Math.min(all.size(), delivered));
    }

    /**
     * Prepares a new run; the old one is discarded. Returns false, with the reason in
     * {@link #messageProperty()}, when the scheme, instance or models cannot be used.
     */
    public boolean load(RunSetup newSetup) {
        discard();
        delivered = 0;
        setup = Objects.requireNonNull(newSetup);
        try {
            Problem<?> problem = Problems.byId(newSetup.problem());
            problem.parseInstance(newSetup.instance());
            Interpreter interpreter = new Interpreter(newSetup.scheme(), problem, catalog.resolve(newSetup.models()));
            debugger = new Debugger(interpreter, newSetup.instance(), new RunSettings(newSetup.seed(),
                    newSetup.budget()));
        } catch (InvalidSchemeException e) {
            message.set("The scheme cannot run: " + e.getMessage());
            return false;
        } catch (InstanceParseException e) {
            message.set("Instance '" + newSetup.instance() + "': " + e.getMessage());
            return false;
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return false;
        }
        debugger.setDelayMillis(delayMillis);
        debugger.setBreakOnSolution(breakOnSolution);
        debugger.useRecording(recording);
        org.rlmworkbench.runner.model.ResponseCache.fromSettings().ifPresent(debugger::useCache);
        usage.clear();
        usageText.set("");
        Debugger run = debugger;
        batcher = new FxEventBatcher(batch -> {
            // a discarded run (Reset, a new setup) may still have events on their way: they are not shown
            if (debugger == run) {
                deliver(batch);
            }
        });
        debugger.addListener(batcher);
        debugger.addStateListener((s, n) -> Platform.runLater(() -> {
            if (debugger == run) {
                state.set(s);
            }
        }));
        message.set("");
        state.set(DebugState.READY);
        position.set(0);
        furthest.set(0);
        return true;
    }

    private void discard() {
        recording = List.of();
        if (debugger != null) {
            debugger.close();
            debugger = null;
        }
    }

    private void deliver(List<RunEvent> batch) {
        usage.accept(batch);
        usageText.set(usage.text());
        for (RunEvent e : batch) {
            if (e instanceof org.rlmworkbench.runner.event.RunStarted) {
                delivered = 0;
            }
            delivered++;
        }
        position.set(delivered);
        furthest.set(Math.max(furthest.get(), delivered));
        for (Consumer<List<RunEvent>> c : consumers) {
            c.accept(batch);
        }
        if (debugger != null && debugger.failure() != null) {
            message.set("The run failed: " + debugger.failure().getMessage());
        }
    }

    private boolean ready() {
        if (debugger == null) {
            if (message.get().isEmpty()) {
                message.set("Nothing to run: choose a scheme and an instance.");
            }
            return false;
        }
        return true;
    }

    /** Plays at the chosen speed until a breakpoint, the end, or pause. */
    public void play() {
        if (ready()) {
            debugger.setDelayMillis(delayMillis);
            debugger.play();
        }
    }

    /** Runs at full speed to the next breakpoint (or the end). */
    public void runToBreakpoint() {
        if (ready()) {
            debugger.setDelayMillis(0);
            debugger.runToBreakpoint();
        }
    }

    public void pause() {
        if (debugger != null) {
            debugger.pause();
        }
    }

    public void stepEvent() {
        if (ready()) {
            debugger.stepEvent();
        }
    }

    public void stepOperator() {
        if (ready()) {
            debugger.stepOperator();
        }
    }

    public void stepIteration() {
        if (ready()) {
            debugger.stepIteration();
        }
    }

    /** Stops the run; what it built stays on screen. */
    public void cancel() {
        if (debugger != null) {
            debugger.cancel();
        }
    }

    /** Starts the same run again from nothing. */
    public void reset() {
        if (setup != null) {
            load(setup);
            for (Consumer<List<RunEvent>> c : consumers) {
                c.accept(List.of());
            }
            delivered = 0;
        }
    }

    /** Shows the run as it was after {@code events} events (1 = just RunStarted); stepping goes on from there. */
    public void seek(long events) {
        if (ready() && events >= 1) {
            debugger.seek(events - 1);
        }
    }

    /** Milliseconds between graph-changing events while playing; 0 runs without pause. */
    public void setDelayMillis(double millis) {
        delayMillis = Math.max(0, millis);
        if (debugger != null) {
            debugger.setDelayMillis(delayMillis);
        }
    }

    public void setBreakpoint(String nodeId, boolean on) {
        if (debugger != null) {
            debugger.setBreakpoint(nodeId, on);
        }
    }

    public void setBreakOnSolution(boolean on) {
        breakOnSolution = on;
        if (debugger != null) {
            debugger.setBreakOnSolution(on);
        }
    }

    /** Stops when Select chooses reasoning node {@code node}; a negative node removes the condition. */
    public void setBreakOnNodeSelected(int node) {
        if (debugger != null) {
            if (nodeCondition != null) {
                debugger.setCondition(nodeCondition, null);
            }
            // the condition's name is what the status line says when it stops the run
            nodeCondition = node < 0 ? null : "node #" + node + " selected";
            if (nodeCondition != null) {
                debugger.setCondition(nodeCondition, Debugger.nodeSelected(node));
            }
        }
    }

    /** Blocks until the run stops (for tests and headless use). */
    public DebugState awaitStop(long millis) throws InterruptedException {
        return debugger == null ? DebugState.READY : debugger.awaitStop(millis);
    }

    /** The live debugger, for exports and tests; null before a successful {@link #load}. */
    public Debugger debugger() {
        return debugger;
    }

    public void close() {
        discard();
    }
}
