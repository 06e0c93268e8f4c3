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

    /**
     * One expression that makes 24 from the state's numbers, e.g. {@code (13 - 9) * (10 - 4) = 24}
     * (Tree-of-Thoughts' answer format), or {@code null} when there is none. The same search order
     * as {@link #solvable}, so the answer is deterministic.
     */
    static String solution(Game24State state) {
        Rational[] nums = toArray(state);
        String[] exprs = new String[nums.length];
        for (int k = 0; k < nums.length; k++) {
            exprs[k] = nums[k].toString();
        }
        String e = write(nums, exprs, nums.length);
        return e == null ? null : strip(e) + " = 24";
    }

    /** {@link #search} carrying each entry's expression; returns the whole expression or null. */
    private static String write(Rational[] nums, String[] exprs, int n) {
        if (n == 1) {
            return nums[0].isInteger(24) ? exprs[0] : null;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                Rational a = nums[i];
                Rational b = nums[j];
                String ea = exprs[i];
                String eb = exprs[j];
                nums[j] = nums[n - 1];
                exprs[j] = exprs[n - 1];
                for (Operation op : Operation.ALL) {
                    Rational r = op.apply(a, b);
                    if (r == null) {
                        continue;
                    }
                    nums[i] = r;
                    exprs[i] = op.swapped() ? "(" + eb + " " + op.symbol() + " " + ea + ")"
                            : "(" + ea + " " + op.symbol() + " " + eb + ")";
                    String found = write(nums, exprs, n - 1);
                    if (found != null) {
                        nums[i] = a;
                        nums[j] = b;
                        exprs[i] = ea;
                        exprs[j] = eb;
                        return found;
                    }
                }
                nums[i] = a;
                nums[j] = b;
                exprs[i] = ea;
                exprs[j] = eb;
            }
        }
        return null;
    }

    /** Drops the parentheses around the whole expression. */
    private static String strip(String e) {
        return e.startsWith("(") && e.endsWith(")") ? e.substring(1, e.length() - 1) : e;
    }
}
