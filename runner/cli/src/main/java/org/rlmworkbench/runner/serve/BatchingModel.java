package org.rlmworkbench.runner.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.rlmworkbench.runner.model.CancelToken;
import org.rlmworkbench.runner.model.Completion;
import org.rlmworkbench.runner.model.CompletionRequest;
import org.rlmworkbench.runner.model.LanguageModel;
import org.rlmworkbench.runner.model.ModelCallException;

/**
 * Joins the requests that arrive while the model is busy (or within {@code windowMillis} of the
 * first) into one {@link LanguageModel#complete} call: one forward pass for many HTTP requests.
 * One thread per model does the calls, so the model never runs two batches at once.
 */
final class BatchingModel implements AutoCloseable {

    private record Pending(List<CompletionRequest> requests, CompletableFuture<List<Completion>> answer) {
    }

    private final LanguageModel model;
    private final long windowMillis;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private volatile boolean closed;

    BatchingModel(LanguageModel model, long windowMillis, int maxBatch) {
        this.model = model;
        this.windowMillis = windowMillis;
        this.maxBatch = maxBatch;
        this.worker = new Thread(this::loop, "serve-" + model.name());
        worker.setDaemon(true);
        worker.start();
    }

    LanguageModel model() {
        return model;
    }

    /** The answers to {@code rs}, completed when the batch they joined is done. */
    CompletableFuture<List<Completion>> submit(List<CompletionRequest> rs) {
        CompletableFuture<List<Completion>> f = new CompletableFuture<>();
        if (closed) {
            f.completeExceptionally(new IllegalStateException("the server is shutting down"));
            return f;
        }
        queue.add(new Pending(List.copyOf(rs), f));
        return f;
    }

    /** Model calls made so far, and requests (prompts) they answered: their ratio is the mean batch size. */
    long[] counts() {
        return new long[] {batches.get(), requests.get()};
    }

    private void loop() {
        while (!closed) {
            List<Pending> batch = new ArrayList<>();
            try {
                Pending first = queue.take();
                batch.add(first);
                int size = first.requests().size();
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(windowMillis);
                while (size < maxBatch) {
                    long left = deadline - System.nanoTime();
                    Pending next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    size += next.requests().size();
                }
            } catch (InterruptedException e) {
                batch.forEach(p -> p.answer().completeExceptionally(e));
                return;
            }
            run(batch);
        }
    }

    private void run(List<Pending> batch) {
        List<CompletionRequest> all = new ArrayList<>();
        batch.forEach(p -> all.addAll(p.requests()));
        try {
            List<Completion> out = model.complete(all, CancelToken.none());
            batches.incrementAndGet();
            requests.addAndGet(all.size());
            int at = 0;
            for (Pending p : batch) {
                p.answer().complete(out.subList(at, at + p.requests().size()));
                at += p.requests().size();
            }
        } catch (ModelCallException | RuntimeException e) {
            batch.forEach(p -> p.answer().completeExceptionally(e));
        }
    }

    @Override
    public void close() {
        closed = true;
        worker.interrupt();
        Pending p;
        while ((p = queue.poll()) != null) {
            p.answer().completeExceptionally(new IllegalStateException("the server is shutting down"));
        }
    }
}
