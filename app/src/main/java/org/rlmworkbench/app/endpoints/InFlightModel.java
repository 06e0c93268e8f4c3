package org.rlmworkbench.app.endpoints;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.rlmworkbench.runner.model.CancelToken;
import org.rlmworkbench.runner.model.Completion;
import org.rlmworkbench.runner.model.CompletionRequest;
import org.rlmworkbench.runner.model.LanguageModel;
import org.rlmworkbench.runner.model.ModelCallException;
import org.rlmworkbench.runner.model.PromptStyle;

/**
 * Counts the prompts a model is answering right now, for the status line: events tell of a call
 * only once it returned, so "in flight" has to be seen around the call itself.
 */
final class InFlightModel implements LanguageModel {
    private final LanguageModel delegate;
    private final AtomicInteger inFlight;
    private final IntConsumer changed;

    InFlightModel(LanguageModel delegate, AtomicInteger inFlight, IntConsumer changed) {
        this.delegate = delegate;
        this.inFlight = inFlight;
        this.changed = changed;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public PromptStyle promptStyle() {
        return delegate.promptStyle();
    }

    @Override
    public double pricePerMillionIn() {
        return delegate.pricePerMillionIn();
    }

    @Override
    public double pricePerMillionOut() {
        return delegate.pricePerMillionOut();
    }

    @Override
    public List<Completion> complete(List<CompletionRequest> batch, CancelToken cancel) throws ModelCallException {
        changed.accept(inFlight.addAndGet(batch.size()));
        try {
            return delegate.complete(batch, cancel);
        } finally {
            changed.accept(inFlight.addAndGet(-batch.size()));
        }
    }
}
