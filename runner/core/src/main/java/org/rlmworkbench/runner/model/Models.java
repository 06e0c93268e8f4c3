package org.rlmworkbench.runner.model;

import java.util.Objects;

/**
 * The models a run uses, one per role. {@code value} may be null: schemes then fall back to
 * rollouts where they say so. {@code writer} (a language model that writes steps as text, for
 * Generate's {@code sample} source and Refine's {@code writer} alternatives) and {@code judge} (a
 * language model asked for values and verdicts, for Evaluate's {@code judge} source) may be null
 * too; an operator that needs one and finds none fails with a message naming its node and field.
 */
public record Models(PolicyModel policy, ValueModel value, RewardModel reward, LanguageModel writer,
                     LanguageModel judge) {

    public Models {
        Objects.requireNonNull(policy, "policy model");
        Objects.requireNonNull(reward, "reward model");
    }

    /** Models without a writer or judge. */
    public Models(PolicyModel policy, ValueModel value, RewardModel reward) {
        this(policy, value, reward, null, null);
    }

    /** The problem-native models: heuristic priors, no value model, the problem's own verifier. */
    public static Models problemNative() {
        return new Models(new NativePolicy(NativePolicy.Priors.HEURISTIC), null, new NativeReward());
    }

    /** Uniform priors instead of heuristic ones. */
    public static Models uniform() {
        return new Models(new NativePolicy(NativePolicy.Priors.UNIFORM), null, new NativeReward());
    }

    public Models withValue(ValueModel v) {
        return new Models(policy, v, reward, writer, judge);
    }

    public Models withPolicy(PolicyModel p) {
        return new Models(p, value, reward, writer, judge);
    }

    public Models withWriter(LanguageModel w) {
        return new Models(policy, value, reward, w, judge);
    }

    public Models withJudge(LanguageModel j) {
        return new Models(policy, value, reward, writer, j);
    }
}
