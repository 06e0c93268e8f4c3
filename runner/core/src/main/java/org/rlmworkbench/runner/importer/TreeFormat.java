package org.rlmworkbench.runner.importer;

import java.util.Arrays;
import java.util.Optional;

/** The outside formats the workbench imports, by the name the command line uses. */
public enum TreeFormat {
    TOT("tot", "Tree-of-Thoughts log"),
    LLM_REASONERS("llm-reasoners", "LLM Reasoners TreeLog"),
    X1("x1", "x1 MCTS tree"),
    GOT("got", "Graph of Thoughts output");

    private final String cliName;
    private final String title;

    TreeFormat(String cliName, String title) {
        this.cliName = cliName;
        this.title = title;
    }

    public String cliName() {
        return cliName;
    }

    public String title() {
        return title;
    }

    /** The format of this command-line name, if any. */
    public static Optional<TreeFormat> byName(String name) {
        return Arrays.stream(values()).filter(f -> f.cliName.equals(name)).findFirst();
    }

    TreeImporter importer() {
        return switch (this) {
            case TOT -> new TotImporter();
            case LLM_REASONERS -> new LlmReasonersImporter();
            case X1 -> new X1Importer();
            case GOT -> new GotImporter();
        };
    }
}
