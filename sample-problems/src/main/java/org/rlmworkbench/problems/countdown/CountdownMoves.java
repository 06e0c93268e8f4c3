package org.rlmworkbench.problems.countdown;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rlmworkbench.problems.game24.Operation;
import org.rlmworkbench.problems.game24.Rational;
import org.rlmworkbench.runner.problem.Step;

/**
 * The legal steps of a Countdown state: every pair of positions {@code i < j} in order, times the
 * six {@link Operation}s, leaving out divisions by zero and repeats. A repeat writes the same
 * arithmetic ({@code left op right}) as an earlier step, which happens only with equal numbers,
 * and leaves the same numbers behind; so no two steps have the same text.
 */
final class CountdownMoves {

    private CountdownMoves() {
    }

    static List<Step<CountdownState>> steps(CountdownState s) {
        int n = s.size();
        if (n < 2) {
            return List.of();
        }
        List<Step<CountdownState>> out = new ArrayList<>(n * (n - 1) * 3);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                Rational a = s.number(i);
                Rational b = s.number(j);
                for (Operation op : Operation.ALL) {
                    Rational r = op.apply(a, b);
                    if (r == null) {
                        continue;
                    }
                    Rational left = op.swapped() ? b : a;
                    Rational right = op.swapped() ? a : b;
                    if (seen.add(left + " " + op.symbol() + " " + right)) {
                        out.add(new CountdownStep(left, op.symbol(), right, s.combine(i, j, r)));
                    }
                }
            }
        }
        return out;
    }
}
