package org.rlmworkbench.runner.model;

/**
 * What a run spent on language models: calls, prompt and completion tokens, cost (currency units,
 * 0 where no price is known), and how many written steps the problem rejected.
 */
public record ModelUsage(long calls, long promptTokens, long completionTokens, double cost, long invalidSteps) {

    public static final ModelUsage NONE = new ModelUsage(0, 0, 0, 0.0, 0);

    public long tokens() {
        return promptTokens + completionTokens;
    }

    /** This usage plus one call. */
    public ModelUsage plusCall(long in, long out, double callCost) {
        return new ModelUsage(calls + 1, promptTokens + in, completionTokens + out, cost + callCost, invalidSteps);
    }

    /** This usage plus one rejected step. */
    public ModelUsage plusInvalid() {
        return new ModelUsage(calls, promptTokens, completionTokens, cost, invalidSteps + 1);
    }
}
