package org.rlmworkbench.runner.endpoint;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.rlmworkbench.runner.model.CancelToken;

/**
 * Where a run waits when a model fails mid-run: the run's thread blocks inside the failed call, so
 * the tree so far stays as it is, until {@link #resume} asks the call again or the run is stopped.
 * Listeners hear of each outage (to show the endpoint and the cause) and of each resume; they are
 * called on the run's thread or on the resuming one.
 */
public final class OutageGate {
    private final List<Consumer<Optional<Outage>>> listeners = new CopyOnWriteArrayList<>();
    private Outage current;
    private long resumes;

    /** Told {@code Optional.of(outage)} when a run pauses, {@code Optional.empty()} when it resumes. */
    public void addListener(Consumer<Optional<Outage>> l) {
        listeners.add(l);
    }

    /** The outage the run is waiting on, if it is. */
    public synchronized Optional<Outage> current() {
        return Optional.ofNullable(current);
    }

    /** Lets the waiting run ask the failed call again; nothing when none is waiting. */
    public void resume() {
        synchronized (this) {
            if (current == null) {
                return;
            }
            current = null;
            resumes++;
            notifyAll();
        }
        listeners.forEach(l -> l.accept(Optional.empty()));
    }

    /**
     * Blocks the run's thread on {@code outage} until {@link #resume} (returns true: try again) or
     * {@code cancel} fires (returns false).
     */
    boolean await(Outage outage, CancelToken cancel) throws InterruptedException {
        long seen;
        synchronized (this) {
            current = outage;
            seen = resumes;
        }
        listeners.forEach(l -> l.accept(Optional.of(outage)));
        try (AutoCloseable reg = cancel.onCancel(() -> {
            synchronized (this) {
                notifyAll();
            }
        })) {
            synchronized (this) {
                while (resumes == seen && !cancel.cancelled()) {
                    wait();
                }
                if (cancel.cancelled()) {
                    current = null;
                    return false;
                }
                return true;
            }
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
