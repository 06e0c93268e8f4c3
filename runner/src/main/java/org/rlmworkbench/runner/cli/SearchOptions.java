package org.rlmworkbench.runner.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that choose a search, shared by {@code run} and {@code eval}. */
final class SearchOptions {

    @Option(names = "--scheme", defaultValue = "mcts", description = "built-in scheme name or path to a scheme file (default: ${DEFAULT-VALUE})")
    String scheme;

    @Option(names = "--problem", defaultValue = "game24", description = "problem id (default: ${DEFAULT-VALUE})")
    String problem;

    @Option(names = "--seed", defaultValue = "0", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--budget", description = "iterations of the scheme's first loop (default: the scheme's)")
    Integer budget;

    @Option(names = "--models", description = "directory of trained networks (workbench train) to use as policy and value")
    Path models;

    @Option(names = "--lm-policy", description = "with --models: the generative policy's priors instead of the policy network's")
    boolean lmPolicy;

    /** Refuses out-of-range numbers and options that need another option. */
    void check() {
        OptionChecks.budget(budget);
        if (lmPolicy && models == null) {
            throw new InputException("--lm-policy needs --models DIR (the directory with the trained language model)");
        }
    }
}
