package org.rlmworkbench.runner.model;

import java.util.List;

/**
 * A language model as the runner sees it: prompts in, sampled texts out, many prompts per call (one
 * batch: one forward pass of an embedded network, one burst of concurrent requests to a server).
 * The writer role (steps as text) and the judge role (values of states, rewards of answers) are both
 * played by a language model; the operators render the prompts and read the texts.
 */
public interface LanguageModel {

    /** Name shown in pickers and recorded in traces and cache keys. */
    String name();

    /** How the operators should phrase prompts for this model. */
    PromptStyle promptStyle();

    /**
     * Completes every request of the batch, in order. Returns early with
     * {@link ModelCallException} when {@code cancel} fires; never blocks past a cancel for long.
     *
     * @throws ModelCallException naming the model (endpoint) and the cause when the call fails
     */
    List<Completion> complete(List<CompletionRequest> batch, CancelToken cancel) throws ModelCallException;

    /** Price in currency units per million prompt tokens; 0 where free or unknown. */
    default double pricePerMillionIn() {
        return 0.0;
    }

    /** Price in currency units per million completion tokens; 0 where free or unknown. */
    default double pricePerMillionOut() {
        return 0.0;
    }
}
