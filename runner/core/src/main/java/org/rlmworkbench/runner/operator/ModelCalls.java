package org.rlmworkbench.runner.operator;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.rlmworkbench.runner.event.ModelCalled;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.model.CancelToken;
import org.rlmworkbench.runner.model.Completion;
import org.rlmworkbench.runner.model.CompletionRequest;
import org.rlmworkbench.runner.model.LanguageModel;
import org.rlmworkbench.runner.model.ModelCallException;
import org.rlmworkbench.runner.model.ModelUsage;
import org.rlmworkbench.runner.model.ResponseCache;

/**
 * The one way operators reach a language model during a run. Each call gets the next call number
 * and is answered, in this order, from the recording of an earlier run of the same inputs (a seek,
 * a time travel, a reopened workspace: the model is never asked), from the response cache, or from
 * the model itself; then it is reported as a {@link ModelCalled} event and added to the run's usage.
 * The run's cancel token reaches every call, so Stop ends a call in flight.
 */
public final class ModelCalls {

    /** One prompt of a batch and the reasoning node it is about (-1 for none). */
    public record Ask(int node, CompletionRequest request) {
    }

    private final long runSeed;
    private final CancelToken cancel;
    private final Consumer<RunEvent> emit;
    private Deque<ModelCalled> recording = new ArrayDeque<>();
    private ResponseCache cache;
    private int calls;
    private ModelUsage usage = ModelUsage.NONE;

    ModelCalls(long runSeed, CancelToken cancel, Consumer<RunEvent> emit) {
        this.runSeed = runSeed;
        this.cancel = cancel;
        this.emit = emit;
    }

    /**
     * Answers calls from these recorded events, in order, while the run asks the same prompts of the
     * same model; past the recording's end (or where the run differs from it) the model is asked.
     */
    public void replayFrom(List<? extends RunEvent> events) {
        Deque<ModelCalled> d = new ArrayDeque<>();
        for (RunEvent e : events) {
            if (e instanceof ModelCalled m) {
                d.add(m);
            }
        }
        recording = d;
    }

    /** Uses {@code responses} (null for none) for calls the recording does not answer. */
    public void useCache(ResponseCache responses) {
        this.cache = responses;
    }

    public CancelToken cancelToken() {
        return cancel;
    }

    /** What the run has spent on models so far. */
    public ModelUsage usage() {
        return usage;
    }

    /** Calls made so far; the next call gets this number. */
    public int count() {
        return calls;
    }

    void countInvalid() {
        usage = usage.plusInvalid();
    }

    /**
     * The seed of a request about {@code node} in the next call: a function of the run's seed, the
     * node and the call number, so the same run asks the same seeds.
     */
    public long seedFor(int node) {
        long h = runSeed * 0x9E3779B97F4A7C15L + (node + 1L) * 0xC2B2AE3D27D4EB4FL + (calls + 1L) * 0x165667B19E3779F9L;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 32);
    }

    /**
     * Completes a batch in one call.
     *
     * @param role {@code writer} or {@code judge}, as the event records it
     * @throws RunCancelledException when the run is stopped before or during the call
     * @throws RunFailedException naming the model and role when the call fails
     */
    public List<Completion> complete(String role, LanguageModel model, List<Ask> asks) {
        if (cancel.cancelled()) {
            throw new RunCancelledException();
        }
        int number = calls;
        ModelCalled recorded = recorded(number, model.name(), asks);
        ModelCalled event = recorded != null ? recorded : live(number, role, model, asks);
        if (cancel.cancelled()) {
            throw new RunCancelledException();
        }
        calls++;
        usage = usage.plusCall(event.promptTokens(), event.completionTokens(), event.cost());
        emit.accept(event);
        List<Completion> out = new ArrayList<>(asks.size());
        for (ModelCalled.Exchange x : event.exchanges()) {
            int tokensOut = 0;
            for (Completion.Sample s : x.responses()) {
                tokensOut += s.tokens();
            }
            out.add(new Completion(x.responses(), 0, tokensOut));
        }
        return out;
    }

    /** The recorded event that answers call {@code number}, or null (the recording is then dropped). */
    private ModelCalled recorded(int number, String model, List<Ask> asks) {
        ModelCalled m = recording.peekFirst();
        if (m == null) {
            return null;
        }
        boolean same = m.call() == number && m.model().equals(model) && m.exchanges().size() == asks.size();
        for (int i = 0; same && i < asks.size(); i++) {
            ModelCalled.Exchange x = m.exchanges().get(i);
            CompletionRequest r = asks.get(i).request();
            same = x.prompt().equals(r.prompt()) && x.n() == r.n() && x.seed() == r.seed()
                    && x.responses().size() == r.n();
        }
        if (!same) {
            recording.clear();
            return null;
        }
        return recording.pollFirst();
    }

    private ModelCalled live(int number, String role, LanguageModel model, List<Ask> asks) {
        int n = asks.size();
        List<List<Completion.Sample>> samples = new ArrayList<>(n);
        int[] promptTokens = new int[n];
        double cachedLatency = 0;
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CompletionRequest r = asks.get(i).request();
            List<Completion.Sample> got = new ArrayList<>(r.n());
            if (cache != null) {
                for (int j = 0; j < r.n(); j++) {
                    Optional<ResponseCache.Entry> e = cache.get(ResponseCache.key(model.name(), r, j));
                    if (e.isEmpty()) {
                        break;
                    }
                    got.add(e.get().sample());
                    promptTokens[i] = e.get().promptTokens();
                    cachedLatency = Math.max(cachedLatency, e.get().latencyMs());
                }
            }
            if (got.size() < r.n()) {
                got = null;
                missing.add(i);
            }
            samples.add(got);
        }
        double latency = cachedLatency;
        if (!missing.isEmpty()) {
            List<CompletionRequest> batch = new ArrayList<>(missing.size());
            for (int i : missing) {
                batch.add(asks.get(i).request());
            }
            long t0 = System.nanoTime();
            List<Completion> answers;
            try {
                answers = model.complete(batch, cancel);
            } catch (ModelCallException e) {
                if (e.cancelled() || cancel.cancelled()) {
                    throw new RunCancelledException();
                }
                throw new RunFailedException(role + " model '" + model.name() + "': " + e.getMessage(), e);
            } catch (RuntimeException e) {
                if (cancel.cancelled()) {
                    throw new RunCancelledException();
                }
                throw new RunFailedException(role + " model '" + model.name() + "' failed: " + e, e);
            }
            latency = Math.round((System.nanoTime() - t0) / 1e4) / 100.0;
            if (cancel.cancelled()) {
                throw new RunCancelledException();
            }
            if (answers.size() != batch.size()) {
                throw new RunFailedException(role + " model '" + model.name() + "' answered " + answers.size()
                        + " of " + batch.size() + " prompts");
            }
            for (int m = 0; m < missing.size(); m++) {
                int i = missing.get(m);
                Completion c = answers.get(m);
                CompletionRequest r = batch.get(m);
                if (c.samples().size() != r.n()) {
                    throw new RunFailedException(role + " model '" + model.name() + "' gave " + c.samples().size()
                            + " samples where " + r.n() + " were asked");
                }
                samples.set(i, c.samples());
                promptTokens[i] = c.promptTokens();
                store(model.name(), r, c, latency);
            }
        }
        List<ModelCalled.Exchange> exchanges = new ArrayList<>(n);
        int in = 0;
        int out = 0;
        for (int i = 0; i < n; i++) {
            CompletionRequest r = asks.get(i).request();
            in += promptTokens[i];
            for (Completion.Sample s : samples.get(i)) {
                out += s.tokens();
            }
            exchanges.add(new ModelCalled.Exchange(asks.get(i).node(), r.prompt(), ModelCalled.hash(r.prompt()), r.n(),
                    r.temperature(), r.maxTokens(), r.seed(), samples.get(i)));
        }
        double cost = in * model.pricePerMillionIn() / 1e6 + out * model.pricePerMillionOut() / 1e6;
        return new ModelCalled(number, role, model.name(), exchanges, in, out, latency, cost);
    }

    private void store(String model, CompletionRequest r, Completion c, double latency) {
        if (cache == null) {
            return;
        }
        try {
            for (int j = 0; j < c.samples().size(); j++) {
                cache.put(ResponseCache.key(model, r, j), new ResponseCache.Entry(c.samples().get(j), c.promptTokens(),
                        latency));
            }
        } catch (IOException e) {
            // a cache that cannot be written costs a later run its savings, never this run its answer
            cache = null;
        }
    }
}
