package org.rlmworkbench.runner.export;

import java.util.Arrays;
import java.util.Optional;

/** The training-data formats the exporter writes, by their command-line names. */
public enum TrainingFormat {
    /** Verified solution paths as chat messages. */
    SFT("sft"),
    /** Stepwise process supervision as TRL's PRM trainer reads it. */
    PRM("prm"),
    /** Sibling pairs as TRL's DPO trainer reads them. */
    PREFERENCE("preference");

    private final String cliName;

    TrainingFormat(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static Optional<TrainingFormat> byName(String name) {
        return Arrays.stream(values()).filter(f -> f.cliName.equals(name)).findFirst();
    }
}
