package org.rlmworkbench.runner.endpoint;

import java.util.List;
import org.rlmworkbench.runner.model.CancelToken;
import org.rlmworkbench.runner.model.Completion;
import org.rlmworkbench.runner.model.CompletionRequest;
import org.rlmworkbench.runner.model.LanguageModel;
import org.rlmworkbench.runner.model.ModelCallException;
import org.rlmworkbench.runner.model.PromptStyle;

/**
 * A model whose failures pause the run instead of ending it: a failed call (after the client's own
 * retries) waits at an {@link OutageGate} and is asked again on Resume, so the run goes on as if
 * the outage had not happened. The app wraps endpoints in it; the CLI does not (a failure ends the
 * run there, naming the endpoint).
 */
public final class ResumableModel implements LanguageModel {
    private final LanguageModel delegate;
    private final OutageGate gate;

    public ResumableModel(LanguageModel delegate, OutageGate gate) {
        this.delegate = delegate;
        this.gate = gate;
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
        while (true) {
            try {
                return delegate.complete(batch, cancel);
            } catch (ModelCallException e) {
                if (e.cancelled() || cancel.cancelled()) {
                    throw e;
                }
                boolean again;
                try {
                    again = gate.await(new Outage(delegate.name(), e.getMessage()), cancel);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new ModelCallException(delegate.name() + ": cancelled while paused", ie, true);
                }
                if (!again) {
                    throw new ModelCallException(delegate.name() + ": cancelled while paused on: " + e.getMessage(), e,
                            true);
                }
            }
        }
    }
}
