package org.rlmworkbench.problems.countdown;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.rlmworkbench.problems.game24.Operation;
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
        return solve(s, NODE_BUDGET);
    }

    /** As {@link #solve(CountdownState)} with another budget for five or six numbers (not cached). */
    static Verdict solve(CountdownState s, long nodeBudget) {
        if (nodeBudget != NODE_BUDGET) {
            Rational[] nums = s.numbers().toArray(new Rational[0]);
            long[] budget = {s.size() <= EXACT_SIZE ? Long.MAX_VALUE : nodeBudget};
            return search(nums, nums.length, s.target(), budget) ? Verdict.SOLVABLE
                    : budget[0] < 0 ? Verdict.UNKNOWN : Verdict.UNSOLVABLE;
        }
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
     * i, the last live entry to j, both restored after). Sub-states fully searched without a
     * solution are remembered (by their sorted numbers) and not searched again.
     * {@code budget[0]} drops below zero when the search ran out, and then a false answer means
     * "not found", not "impossible".
     */
    private static boolean search(Rational[] nums, int n, long target, long[] budget) {
        return search(nums, n, target, budget, new HashSet<>());
    }

    private static boolean search(Rational[] nums, int n, long target, long[] budget, Set<List<Rational>> failed) {
        if (n == 1) {
            return nums[0].isInteger(target);
        }
        List<Rational> key = null;
        if (n >= 3) {
            Rational[] sorted = Arrays.copyOf(nums, n);
            Arrays.sort(sorted);
            key = List.of(sorted);
            if (failed.contains(key)) {
                return false;
            }
        }
        if (--budget[0] < 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                Rational a = nums[i];
                Rational b = nums[j];
                nums[j] = nums[n - 1];
                for (Operation op : Operation.ALL) {
                    Rational r = op.apply(a, b);
                    if (r == null) {
                        continue;
                    }
                    nums[i] = r;
                    boolean found = search(nums, n - 1, target, budget, failed);
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
        if (key != null) {
            failed.add(key);
        }
        return false;
    }
}
