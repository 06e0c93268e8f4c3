package org.rlmworkbench.runner.model;

/**
 * Which model plays each role, by name (as {@link ModelCatalog} lists them): what a workspace
 * stores and a picker shows. {@code value} is {@code "none"} for no value model.
 */
public record ModelChoice(String policy, String value, String reward) {

    /** The problem-native choice: heuristic priors, no value model, the verifier. */
    public static final ModelChoice NATIVE = new ModelChoice("native-heuristic", "none", "native-verifier");
}
