package org.rlmworkbench.runner.cli;

import java.util.Locale;

/** Range checks of numeric options, each failing with an {@link InputException} that names the option. */
final class OptionChecks {

    /** The most iterations a loop may run: the same cap as the {@code iterations} field of scheme files. */
    static final int MAX_BUDGET = 10_000_000;

    private OptionChecks() {
    }

    static int range(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InputException(String.format(Locale.ROOT, "%s must be between %,d and %,d, got %,d", option, min,
                    max, value));
        }
        return value;
    }

    static double range(String option, double value, double min, double max) {
        if (!Double.isFinite(value) || value < min || value > max) {
            throw new InputException(String.format(Locale.ROOT, "%s must be a number between %s and %s, got %s",
                    option, plain(min), plain(max), plain(value)));
        }
        return value;
    }

    static Integer budget(Integer budget) {
        return budget == null ? null : range("--budget", budget, 1, MAX_BUDGET);
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    /** A long text shortened for a message: its start and its length, so a 200 KB argument is not echoed whole. */
    static String shorten(String text) {
        if (text == null || text.length() <= 80) {
            return text;
        }
        return text.substring(0, 60) + "... (" + String.format(Locale.ROOT, "%,d", text.length()) + " characters)";
    }
}
