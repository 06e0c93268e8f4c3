package org.rlmworkbench.runner.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Reaches every model call of a run: Stop fires it, and a call in flight is abandoned through the
 * callbacks registered here (an HTTP request cancelled, a decoding loop told to end).
 */
public final class CancelToken {
    private final List<Runnable> callbacks = new ArrayList<>();
    private volatile boolean cancelled;

    /** A token that is never cancelled. */
    public static CancelToken none() {
        return new CancelToken();
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** Fires the token once; callbacks run on the calling thread. */
    public void cancel() {
        List<Runnable> run;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            run = List.copyOf(callbacks);
            callbacks.clear();
        }
        run.forEach(Runnable::run);
    }

    /** Runs {@code r} when the token fires (at once if it already has); returns a handle to remove it. */
    public AutoCloseable onCancel(Runnable r) {
        synchronized (this) {
            if (!cancelled) {
                callbacks.add(r);
                return () -> {
                    synchronized (this) {
                        callbacks.remove(r);
                    }
                };
            }
        }
        r.run();
        return () -> { };
    }
}
