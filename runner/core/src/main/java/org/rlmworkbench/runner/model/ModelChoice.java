package org.rlmworkbench.runner.model;

/**
 * Which model plays each role, by name (as {@link ModelCatalog} lists them): what a workspace
 * stores and a picker shows. {@code value}, {@code writer} and {@code judge} are {@code "none"} for
 * no model; a writer or judge may also be named as {@link LanguageModelResolver} reads names
 * (e.g. {@code scripted:FILE}).
 */
public record ModelChoice(String policy, String value, String reward, String writer, String judge) {

    /** The problem-native choice: heuristic priors, no value model, the verifier, no language models. */
    public static final ModelChoice NATIVE = new ModelChoice("native-heuristic", "none", "native-verifier");

    public ModelChoice {
        writer = writer == null || writer.isBlank() ? "none" : writer;
        judge = judge == null || judge.isBlank() ? "none" : judge;
    }

    /** A choice without language models. */
    public ModelChoice(String policy, String value, String reward) {
        this(policy, value, reward, "none", "none");
    }

    public ModelChoice withWriter(String name) {
        return new ModelChoice(policy, value, reward, name, judge);
    }

    public ModelChoice withJudge(String name) {
        return new ModelChoice(policy, value, reward, writer, name);
    }
}
