package org.rlmworkbench.graphview.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.event.RunListener;

/**
 * Hands a run's events from the run's thread to the JavaFX thread in batches: however fast the
 * run emits, at most one {@link Platform#runLater} is pending, and it delivers what is queued, in
 * order, at most {@link #MAX_BATCH} events at a time so that input and repaints get their turn
 * between two batches. A run that outpaces the JavaFX thread is held back (for a bounded time per
 * event) once {@link #MAX_QUEUED} events wait, so a fast run neither freezes the window nor
 * fills the memory with undelivered events. Safe to call from any thread.
 */
public final class FxEventBatcher implements RunListener {

    /** Events handed over per turn of the JavaFX thread. */
    public static final int MAX_BATCH = 1_000;
    /** Undelivered events above which the run's thread waits for the JavaFX thread. */
    public static final int MAX_QUEUED = 20_000;
    /** The longest a run's thread waits per event, so that a busy or blocked JavaFX thread cannot hang the run. */
    private static final long MAX_WAIT_NANOS = 250_000_000L;

    private final ConcurrentLinkedQueue<RunEvent> queue = new ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger queued = new java.util.concurrent.atomic.AtomicInteger();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Consumer<List<RunEvent>> sink;

    /** @param sink receives each batch on the JavaFX thread, e.g. {@code model::apply} */
    public FxEventBatcher(Consumer<List<RunEvent>> sink) {
        this.sink = Objects.requireNonNull(sink, "sink is null");
    }

    @Override
    public void onEvent(RunEvent event) {
        queue.add(event);
        int waiting = queued.incrementAndGet();
        if (scheduled.compareAndSet(false, true)) {
            Platform.runLater(this::drain);
        }
        if (waiting > MAX_QUEUED && !Platform.isFxApplicationThread()) {
            long until = System.nanoTime() + MAX_WAIT_NANOS;
            while (queued.get() > MAX_QUEUED / 2 && System.nanoTime() < until) {
                java.util.concurrent.locks.LockSupport.parkNanos(500_000L);
            }
        }
    }

    private void drain() {
        scheduled.set(false);
        List<RunEvent> batch = new ArrayList<>();
        for (RunEvent e = queue.poll(); e != null; e = batch.size() < MAX_BATCH ? queue.poll() : null) {
            batch.add(e);
        }
        queued.addAndGet(-batch.size());
        if (!queue.isEmpty() && scheduled.compareAndSet(false, true)) {
            Platform.runLater(this::drain);
        }
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
    }
}
