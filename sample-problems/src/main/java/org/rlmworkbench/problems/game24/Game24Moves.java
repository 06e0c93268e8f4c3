package org.rlmworkbench.problems.game24;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.rlmworkbench.runner.problem.Step;

/**
 * Enumerates the legal steps of a state and samples one uniformly.
 *
 * <p>Candidates are every pair of positions {@code i < j} in lexicographic order times the six
 * {@link Operation}s in their order. A candidate is left out when it divides by zero, or when it
 * repeats an earlier candidate: the same arithmetic on the same operand values, up to the order
 * of a sum or product (so it also leaves the same numbers behind). Repeats come only from equal
 * numbers, so there are two rules:
 * with {@code a == b} the swapped operations {@code b - a} and {@code b / a} repeat
 * {@code a - b} and {@code a / b}; and a pair whose unordered values equal those of an earlier
 * pair (in {@code 4 4 6 8}, the second {@code (4, 6)}) repeats that pair entirely. So the number
 * of steps depends only on the multiset, no two steps have the same text, and
 * {@link #randomNext} samples exactly the distribution "one of {@link #steps}, uniformly".
 */
final class Game24Moves {

    /** PAIR_I[n][p], PAIR_J[n][p]: the p-th pair of positions i < j among n numbers. */
    private static final int[][] PAIR_I = new int[Game24State.MAX_SIZE + 1][];
    private static final int[][] PAIR_J = new int[Game24State.MAX_SIZE + 1][];

    static {
        for (int n = 0; n <= Game24State.MAX_SIZE; n++) {
            int count = n * (n - 1) / 2;
            PAIR_I[n] = new int[Math.max(count, 0)];
            PAIR_J[n] = new int[Math.max(count, 0)];
            int p = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    PAIR_I[n][p] = i;
                    PAIR_J[n][p] = j;
                    p++;
                }
            }
        }
    }

    private static final int OPS = Operation.ALL.length;

    private Game24Moves() {
    }

    /** Every legal step in the deterministic order described above; empty at a terminal state. */
    static List<Step<Game24State>> steps(Game24State s) {
        int n = s.size();
        if (n < 2) {
            return List.of();
        }
        boolean repeats = s.hasRepeatedNumber();
        List<Step<Game24State>> out = new ArrayList<>(n * (n - 1) / 2 * OPS);
        for (int p = 0; p < PAIR_I[n].length; p++) {
            int i = PAIR_I[n][p];
            int j = PAIR_J[n][p];
            if (repeats && !firstPairWithTheseValues(s, p)) {
                continue;
            }
            Rational a = s.number(i);
            Rational b = s.number(j);
            boolean equal = repeats && a.equals(b);
            for (Operation op : Operation.ALL) {
                if (equal && op.redundantForEqualOperands()) {
                    continue;
                }
                Rational r = op.apply(a, b);
                if (r != null) {
                    out.add(new Game24Step(s, i, j, op, s.combine(i, j, r)));
                }
            }
        }
        return out;
    }

    /**
     * The next state of one of {@link #steps} chosen uniformly, by rejection sampling over the
     * candidates: each legal step has exactly one accepted candidate, so acceptance is uniform
     * over steps. No step text and no list is built. {@code null} at a terminal state.
     */
    static Game24State randomNext(Game24State s, SplittableRandom rng) {
        int n = s.size();
        if (n < 2) {
            return null;
        }
        boolean repeats = s.hasRepeatedNumber();
        int pairs = PAIR_I[n].length;
        // Terminates: the first pair with A_PLUS_B is always legal, so acceptance is at least
        // 1 in 36 and in practice nearly every draw is accepted.
        while (true) {
            int draw = rng.nextInt(pairs * OPS);
            int p = draw / OPS;
            Operation op = Operation.ALL[draw % OPS];
            int i = PAIR_I[n][p];
            int j = PAIR_J[n][p];
            Rational a = s.number(i);
            Rational b = s.number(j);
            if (repeats) {
                if (op.redundantForEqualOperands() && a.equals(b)) {
                    continue;
                }
                if (!firstPairWithTheseValues(s, p)) {
                    continue;
                }
            }
            Rational r = op.apply(a, b);
            if (r != null) {
                return s.combine(i, j, r);
            }
        }
    }

    /** Whether no pair listed before pair {@code p} holds the same two values in either order. */
    private static boolean firstPairWithTheseValues(Game24State s, int p) {
        int n = s.size();
        Rational a = s.number(PAIR_I[n][p]);
        Rational b = s.number(PAIR_J[n][p]);
        for (int q = 0; q < p; q++) {
            Rational c = s.number(PAIR_I[n][q]);
            Rational d = s.number(PAIR_J[n][q]);
            if ((c.equals(a) && d.equals(b)) || (c.equals(b) && d.equals(a))) {
                return false;
            }
        }
        return true;
    }
}
