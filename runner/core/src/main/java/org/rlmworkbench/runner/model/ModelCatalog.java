package org.rlmworkbench.runner.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The models a user can pick per role, by name. The problem-native ones are always there;
 * trained and remote models are registered as they become available.
 */
public final class ModelCatalog {
    private final Map<String, Supplier<PolicyModel>> policies = new LinkedHashMap<>();
    private final Map<String, Supplier<ValueModel>> values = new LinkedHashMap<>();
    private final Map<String, Supplier<RewardModel>> rewards = new LinkedHashMap<>();
    private final Map<String, Supplier<LanguageModel>> languageModels = new LinkedHashMap<>();
    /** Reads names not registered here, e.g. {@code scripted:FILE}. */
    private final LanguageModelResolver resolver = new LanguageModelResolver(() -> null);

    /** A catalogue with the problem-native models. */
    public ModelCatalog() {
        policies.put("native-heuristic", () -> new NativePolicy(NativePolicy.Priors.HEURISTIC));
        policies.put("native-uniform", () -> new NativePolicy(NativePolicy.Priors.UNIFORM));
        values.put("none", () -> null);
        values.put("native-heuristic", HeuristicValue::new);
        rewards.put("native-verifier", NativeReward::new);
        languageModels.put("none", () -> null);
    }

    /** Registers a language model for the writer and judge pickers (e.g. a trained LM, an endpoint). */
    public void addLanguageModel(String name, Supplier<LanguageModel> model) {
        languageModels.put(name, model);
    }

    /** Takes a language model off the pickers (e.g. an endpoint removed from its file); {@code none} stays. */
    public void removeLanguageModel(String name) {
        if (!"none".equals(name)) {
            languageModels.remove(name);
        }
    }

    /** Names for the writer and judge pickers, {@code none} first. */
    public List<String> languageModelNames() {
        return new ArrayList<>(languageModels.keySet());
    }

    /** The resolver for names that are not registered; more kinds of names can be added to it. */
    public LanguageModelResolver resolver() {
        return resolver;
    }

    public void addPolicy(String name, Supplier<PolicyModel> model) {
        policies.put(name, model);
    }

    public void addValue(String name, Supplier<ValueModel> model) {
        values.put(name, model);
    }

    public void addReward(String name, Supplier<RewardModel> model) {
        rewards.put(name, model);
    }

    public List<String> policyNames() {
        return new ArrayList<>(policies.keySet());
    }

    public List<String> valueNames() {
        return new ArrayList<>(values.keySet());
    }

    public List<String> rewardNames() {
        return new ArrayList<>(rewards.keySet());
    }

    /**
     * The models a choice names.
     *
     * @throws IllegalArgumentException naming the role and the unknown model, with the known ones
     */
    public Models resolve(ModelChoice choice) {
        return new Models(pick("policy", policies, choice.policy()), pick("value", values, choice.value()),
                pick("reward", rewards, choice.reward()), languageModel("writer", choice.writer()),
                languageModel("judge", choice.judge()));
    }

    private LanguageModel languageModel(String role, String name) {
        Supplier<LanguageModel> s = languageModels.get(name);
        return s != null ? s.get() : resolver.resolve(role, name);
    }

    private static <T> T pick(String role, Map<String, Supplier<T>> known, String name) {
        Supplier<T> s = known.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown " + role + " model '" + name + "'; known: " + known.keySet());
        }
        return s.get();
    }
}
