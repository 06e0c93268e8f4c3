package org.rlmworkbench.problems.game24;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exact solvability: whether the numbers of a state can still be combined into exactly 24.
 * This is the step verifier behind {@link Game24#processReward}; exhaustive search over every
 * pair and operation, with answers cached per thread in a bounded LRU map (per thread so that
 * parallel searches never contend on a lock).
 */
final class Game24Solver {

    /** Entries per thread; a Game of 24 search rarely meets more distinct states than this. */
    static final int CACHE_CAPACITY = 1 << 16;

    private static final ThreadLocal<Map<Game24State, Boolean>> CACHE =
            ThreadLocal.withInitial(() -> new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Game24State, Boolean> eldest) {
                    return size() > CACHE_CAPACITY;
                }
            });

    private Game24Solver() {
    }

    /** Whether the state's numbers can still make 24 (for a terminal state: whether it is 24). */
    static boolean solvable(Game24State state) {
        if (state.size() <= 2) {
            // Cheaper to search than to look up.
            return search(toArray(state), state.size());
        }
        Map<Game24State, Boolean> cache = CACHE.get();
        Boolean known = cache.get(state);
        if (known == null) {
            known = search(toArray(state), state.size());
            cache.put(state, known);
        }
        return known;
    }

    private static Rational[] toArray(Game24State s) {
        Rational[] a = new Rational[s.size()];
        for (int k = 0; k < a.length; k++) {
            a[k] = s.number(k);
        }
        return a;
    }

    /**
     * Depth-first search over the first {@code n} entries of {@code nums}, in place: the pair
     * (i, j) is replaced by its result at i and the last live entry moves to j, then both are
     * restored. Duplicates are not pruned; at most 36 x 18 x 6 leaves make that unnecessary.
     */
    private static boolean search(Rational[] nums, int n) {
        if (n == 1) {
            return nums[0].isInteger(24);
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
                    if (search(nums, n - 1)) {
                        nums[i] = a;
                        nums[j] = b;
                        return true;
                    }
                }
                nums[i] = a;
                nums[j] = b;
            }
        }
        return false;
    }
}
