package org.rlmworkbench.problems.game24;

/**
 * Cheap problem-native guidance that never asks the exact solver, so that a search guided by
 * it still has something to find out. Uses doubles: these are estimates, not verdicts.
 */
final class Game24Heuristics {

    /** Distance from 24 at which closeness counts as neutral (value 0). */
    private static final double NEUTRAL_DISTANCE = 6.0;

    private Game24Heuristics() {
    }

    /**
     * A value estimate in [-1, 1]. A terminal state gets its outcome reward. Otherwise let
     * {@code d} be the smallest distance to 24 of any single number or of any result of one
     * operation on a pair; closeness {@code (6 - d) / (6 + d)} is 1 at d = 0, 0 at d = 6 and
     * tends to -1 far away. It is scaled by a confidence that shrinks with the steps left
     * (1 with two numbers, where the pair results are the possible outcomes; 0.6 with three;
     * 0.3 with four), because with more numbers left a near miss says less.
     */
    static double value(Game24State s) {
        int n = s.size();
        if (n == 1) {
            return s.number(0).isInteger(24) ? 1.0 : -1.0;
        }
        double[] x = new double[n];
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            x[i] = s.number(i).toDouble();
            best = Math.min(best, Math.abs(x[i] - 24));
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double a = x[i];
                double b = x[j];
                best = Math.min(best, Math.abs(a + b - 24));
                best = Math.min(best, Math.abs(a * b - 24));
                best = Math.min(best, Math.abs(a - b - 24));
                best = Math.min(best, Math.abs(b - a - 24));
                if (b != 0) {
                    best = Math.min(best, Math.abs(a / b - 24));
                }
                if (a != 0) {
                    best = Math.min(best, Math.abs(b / a - 24));
                }
            }
        }
        double closeness = (NEUTRAL_DISTANCE - best) / (NEUTRAL_DISTANCE + best);
        double confidence = n == 2 ? 1.0 : n == 3 ? 0.6 : 0.3;
        return Math.max(-1.0, Math.min(1.0, closeness * confidence));
    }

    /**
     * A positive preference for the step that produces {@code result} and leaves
     * {@code remaining} numbers: reaching 24 at the end is best, then 24 on the way, then
     * numbers that combine easily into 24 (its divisors and 24 itself), then other whole
     * numbers, then zero and negatives, then fractions (rarely needed, though some puzzles such
     * as 3 3 8 8 need them, so never zero). A final number other than 24 is nearly excluded.
     */
    static double preference(Rational result, int remaining) {
        if (remaining == 1) {
            return result.isInteger(24) ? 8.0 : 0.05;
        }
        if (!result.isInteger()) {
            return 0.3;
        }
        long v = result.numerator();
        if (v == 24) {
            return 4.0;
        }
        if (v > 0 && 24 % v == 0) {
            return 2.0;
        }
        return v > 0 ? 1.0 : 0.5;
    }
}
