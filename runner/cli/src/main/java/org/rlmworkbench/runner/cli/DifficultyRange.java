package org.rlmworkbench.runner.cli;

import java.util.List;
import java.util.Locale;
import org.rlmworkbench.runner.problem.Problem;

/**
 * A difficulty or a range of difficulties from {@code --difficulty}: {@code 4}, {@code 2-6} or
 * {@code 2..6}, both ends included.
 *
 * @param low smallest difficulty kept
 * @param high largest difficulty kept
 */
record DifficultyRange(double low, double high) {

    /** Reads the option's text; a bad one is an {@link InputException} naming the option. */
    static DifficultyRange parse(String text) {
        String t = text.strip();
        String[] parts = t.contains("..") ? t.split("\\.\\.", -1) : t.split("(?<=\\d)-", -1);
        try {
            if (parts.length == 1) {
                double d = Double.parseDouble(parts[0].strip());
                return new DifficultyRange(d, d);
            }
            if (parts.length == 2) {
                double lo = Double.parseDouble(parts[0].strip());
                double hi = Double.parseDouble(parts[1].strip());
                if (lo > hi) {
                    throw new InputException("--difficulty: the range '" + text + "' runs backwards; write it low-high");
                }
                return new DifficultyRange(lo, hi);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputException("--difficulty: '" + text + "' is not a difficulty (e.g. 4) or a range (e.g. 2-6)");
    }

    boolean contains(double d) {
        return d >= low && d <= high;
    }

    /**
     * The instances whose difficulty lies in the range.
     *
     * @throws InputException when the problem grades no difficulty or none of the instances is in range
     */
    List<String> filter(Problem<?> p, List<String> instances, String where) {
        List<String> kept = instances.stream().filter(t -> contains(p.instanceDifficulty(t))).toList();
        if (kept.isEmpty() && !instances.isEmpty()) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (String t : instances) {
                double d = p.instanceDifficulty(t);
                if (!Double.isNaN(d)) {
                    min = Math.min(min, d);
                    max = Math.max(max, d);
                }
            }
            throw new InputException("--difficulty " + this + ": no instance of " + where + " has that difficulty; "
                    + (min > max ? p.id() + " grades no difficulty" : "they range from " + format(min) + " to " + format(max)));
        }
        return kept;
    }

    static String format(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.3f", d);
    }

    @Override
    public String toString() {
        return low == high ? format(low) : format(low) + "-" + format(high);
    }
}
