package org.rlmworkbench.runner.problem;

import java.util.Locale;

/** A dataset split. */
public enum Split {
    TRAIN, VALIDATION, TEST;

    /** Parses {@code train}, {@code validation} (or {@code val}) and {@code test}. */
    public static Split parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "train" -> TRAIN;
            case "validation", "val", "valid" -> VALIDATION;
            case "test" -> TEST;
            default -> throw new IllegalArgumentException(
                    "unknown split '" + text + "': expected train, validation or test");
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
