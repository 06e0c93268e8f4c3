package org.rlmworkbench.problems.countdown;

/**
 * Countdown's own inputs for the value and policy networks, beside the hashed text of the state:
 * hashed character n-grams see digits, not magnitudes, so a network cannot tell from them alone how
 * near the numbers left are to the target. Each feature lies in [-1, 1].
 */
final class CountdownFeatures {
    /** Numbers left one-hot (1..6), heuristic value, target among the numbers, nearest pair result,
     *  nearest number, share of non-whole or non-positive numbers, sum and product against the target. */
    static final int COUNT = 13;

    private CountdownFeatures() {
    }

    static void write(CountdownState s, double heuristic, float[] out, int at) {
        int n = s.size();
        for (int i = 0; i < CountdownState.MAX_SIZE; i++) {
            out[at + i] = n == i + 1 ? 1f : 0f;
        }
        double t = Math.max(1, s.target());
        double[] x = new double[n];
        boolean hit = false;
        double nearest = Double.POSITIVE_INFINITY;
        int odd = 0;
        double sum = 0;
        double logProduct = 0;
        for (int i = 0; i < n; i++) {
            x[i] = s.number(i).toDouble();
            hit |= s.number(i).isInteger(s.target());
            nearest = Math.min(nearest, Math.abs(x[i] - t));
            odd += s.number(i).isInteger() && s.number(i).signum() > 0 ? 0 : 1;
            sum += Math.abs(x[i]);
            logProduct += Math.log(Math.max(1e-6, Math.abs(x[i])));
        }
        double pair = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double a = x[i];
                double b = x[j];
                pair = Math.min(pair, Math.abs(a + b - t));
                pair = Math.min(pair, Math.abs(a * b - t));
                pair = Math.min(pair, Math.abs(Math.abs(a - b) - t));
                if (b != 0) {
                    pair = Math.min(pair, Math.abs(a / b - t));
                }
                if (a != 0) {
                    pair = Math.min(pair, Math.abs(b / a - t));
                }
            }
        }
        out[at + 6] = (float) heuristic;
        out[at + 7] = hit ? 1f : 0f;
        // closeness 1 at the target, 1/2 at a tenth of it away, towards 0 beyond
        out[at + 8] = n < 2 ? 0f : (float) closeness(pair / t);
        out[at + 9] = (float) closeness(nearest / t);
        out[at + 10] = (float) odd / n;
        out[at + 11] = (float) Math.tanh(Math.log(Math.max(1e-6, sum) / t));
        out[at + 12] = (float) Math.tanh((logProduct - Math.log(t)) / 3);
    }

    private static double closeness(double relative) {
        return 0.1 / (0.1 + relative);
    }
}
