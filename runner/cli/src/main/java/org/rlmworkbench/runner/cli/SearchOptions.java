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

    @Option(names = "--writer", description = "language model that writes steps (Generate source=sample): lm (the trained LM in --models), scripted:FILE or an endpoint name (--endpoints)")
    String writer;

    @Option(names = "--judge", description = "language model that values states and judges answers (Evaluate source=judge): lm, scripted:FILE or an endpoint name (--endpoints)")
    String judge;

    @Option(names = "--endpoints", paramLabel = "FILE", description = "endpoints file whose names --writer and --judge may"
            + " use (default: endpoints.json in the user's config directory, if any)")
    Path endpoints;

    @Option(names = "--cache-dir", description = "response cache directory (default: the user's cache dir, rlm-workbench/responses)")
    Path cacheDir;

    @Option(names = "--no-cache", description = "ask the models every time instead of reading the response cache")
    boolean noCache;

    @Option(names = "--lm-policy", description = "with --models: the generative policy's priors instead of the policy network's")
    boolean lmPolicy;

    @Option(names = "--difficulty", description = "only instances of this difficulty (e.g. 4) or range (e.g. 2-6); for run without --instance, the first such test instance")
    String difficulty;

    /** Refuses out-of-range numbers and options that need another option. */
    void check() {
        OptionChecks.budget(budget);
        if (lmPolicy && models == null) {
            throw new InputException("--lm-policy needs --models DIR (the directory with the trained language model)");
        }
    }
}
