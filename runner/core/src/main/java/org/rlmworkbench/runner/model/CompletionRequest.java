package org.rlmworkbench.runner.model;

import java.util.List;

/**
 * One prompt to complete {@code n} times. {@code seed} makes sampling reproducible where the model
 * honours it (the embedded models always do); {@code stop} may be empty.
 */
public record CompletionRequest(String prompt, int n, double temperature, int maxTokens, List<String> stop,
        long seed) {

    public CompletionRequest {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        stop = List.copyOf(stop);
    }
}
