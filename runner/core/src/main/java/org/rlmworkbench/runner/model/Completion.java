package org.rlmworkbench.runner.model;

import java.util.List;

/** A model's answer to one {@link CompletionRequest}: its samples and the tokens the call used. */
public record Completion(List<Sample> samples, int promptTokens, int completionTokens) {

    public Completion {
        samples = List.copyOf(samples);
    }

    /**
     * One sampled text with its total log-probability (NaN where the model gives none), why it
     * stopped ({@code stop}, {@code length}, ...) and its token count.
     */
    public record Sample(String text, double logProb, String finishReason, int tokens) {
    }
}
