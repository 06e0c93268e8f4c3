package org.rlmworkbench.problems.countdown;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rlmworkbench.problems.game24.Rational;

/**
 * Whether the numbers of a state can still make the target, using every number exactly once.
 * Exact (exhaustive) for states of up to {@value #EXACT_SIZE} numbers, at most 3,888 complete
 * step sequences; for five or six numbers (up to 15 million sequences) a search bounded to
 * {@value #NODE_BUDGET} visited states that answers {@link Verdict#UNKNOWN} when it runs out.
 * Answers are cached per thread in a bounded LRU map.
 */
final class CountdownSolver {

    /** Largest state the solver settles exhaustively. */
    static final int EXACT_SIZE = 4;
    /** States a bounded search may visit before it gives up. */
    static final int NODE_BUDGET = 200_000;

    /** Solvable, not solvable, or not settled within the budget. */
    enum Verdict { SOLVABLE, UNSOLVABLE, UNKNOWN }

    private static final ThreadLocal<Map<String, Verdict>> CACHE = ThreadLocal.withInitial(
            () -> new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Verdict> eldest) {
                    return size() > 1 << 15;
                }
            });

    private CountdownSolver() {
    }

    static Verdict solve(CountdownState s) {
        if (s.isTerminal()) {
            return s.solved() ? Verdict.SOLVABLE : Verdict.UNSOLVABLE;
        }
        String key = s.canonicalKey();
        Map<String, Verdict> cache = CACHE.get();
        Verdict known = cache.get(key);
        if (known == null) {
            Rational[] nums = s.numbers().toArray(new Rational[0]);
            long[] budget = {s.size() <= EXACT_SIZE ? Long.MAX_VALUE : NODE_BUDGET};
            known = search(nums, nums.length, s.target(), budget) ? Verdict.SOLVABLE
                    : budget[0] < 0 ? Verdict.UNKNOWN : Verdict.UNSOLVABLE;
            cache.put(key, known);
        }
        return known;
    }

    /**
     * Depth-first search over the first {@code n} entries, in place (the pair's result goes to
     * i, the last live entry to j, both restored after). {@code budget[0]} drops below zero
     * when the search ran out, and then a false answer means "not found", not "impossible".
     */
    private static boolean search(Rational[] nums, int n, long target, long[] budget) {
        if (n == 1) {
            return nums[0].isInteger(target);
        }
        if (--budget[0] < 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                Rational a = nums[i];
                Rational b = nums[j];
                nums[j] = nums[n - 1];
                for (CountdownOp op : CountdownOp.ALL) {
                    Rational r = op.apply(a, b);
                    if (r == null) {
                        continue;
                    }
                    nums[i] = r;
                    boolean found = search(nums, n - 1, target, budget);
                    if (found || budget[0] < 0) {
                        nums[i] = a;
                        nums[j] = b;
                        return found;
                    }
                }
                nums[i] = a;
                nums[j] = b;
            }
        }
        return false;
    }
}
