package org.rlmworkbench.runner.operator;

import java.util.ArrayList;
import java.util.List;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.event.RunListener;

/** Delivers a run's events to its listeners, in order, then to the gate; counts them. */
public final class EventSink {
    private RunListener[] listeners;
    private final EventGate gate;
    private long count;

    public EventSink(List<? extends RunListener> listeners, EventGate gate) {
        this.listeners = listeners.toArray(new RunListener[0]);
        this.gate = gate;
    }

    public void emit(RunEvent event) {
        long index = count++;
        for (RunListener l : listeners) {
            l.onEvent(event);
        }
        if (gate != null) {
            gate.afterEvent(index, event);
        }
    }

    public void addListener(RunListener l) {
        List<RunListener> all = new ArrayList<>(List.of(listeners));
        all.add(l);
        listeners = all.toArray(new RunListener[0]);
    }

    /** Events emitted so far. */
    public long count() {
        return count;
    }
}
