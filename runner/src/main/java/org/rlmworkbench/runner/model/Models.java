package org.rlmworkbench.runner.model;

import java.util.Objects;

/**
 * The models a run uses, one per role. {@code value} may be null: schemes then fall back to
 * rollouts where they say so.
 */
public record Models(PolicyModel policy, ValueModel value, RewardModel reward) {

    public Models {
        Objects.requireNonNull(policy, "policy model");
        Objects.requireNonNull(reward, "reward model");
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
        return new Models(policy, v, reward);
    }

    public Models withPolicy(PolicyModel p) {
        return new Models(p, value, reward);
    }
}
