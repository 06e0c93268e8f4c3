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
 * run emits, at most one {@link Platform#runLater} is pending, and it delivers everything queued
 * so far, in order. Safe to call from any thread.
 */
public final class FxEventBatcher implements RunListener {

    private final ConcurrentLinkedQueue<RunEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Consumer<List<RunEvent>> sink;

    /** @param sink receives each batch on the JavaFX thread, e.g. {@code model::apply} */
    public FxEventBatcher(Consumer<List<RunEvent>> sink) {
        this.sink = Objects.requireNonNull(sink, "sink is null");
    }

    @Override
    public void onEvent(RunEvent event) {
        queue.add(event);
        if (scheduled.compareAndSet(false, true)) {
            Platform.runLater(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        List<RunEvent> batch = new ArrayList<>();
        for (RunEvent e = queue.poll(); e != null; e = queue.poll()) {
            batch.add(e);
        }
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
    }
}
