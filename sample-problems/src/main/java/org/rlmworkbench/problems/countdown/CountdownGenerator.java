package org.rlmworkbench.problems.countdown;

import java.util.Collections;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.rlmworkbench.problems.common.GradedSplits;
import org.rlmworkbench.runner.problem.Dataset;

/**
 * Generates Countdown instances solution first: draw n numbers from the ranges of the
 * difficulty, combine random pairs by random operations whose result is a positive whole
 * number (no multiplication or division by 1), and take the last number as the target when it
 * falls in the difficulty's target range. The combination is the gold expression, so every
 * instance is solvable. Difficulty n = 3..6:
 * <ul>
 *   <li>3: numbers 1..25, target 10..100</li>
 *   <li>4: numbers 1..50, target 10..200</li>
 *   <li>5: numbers 1..75, target 100..500</li>
 *   <li>6: the television game's numbers: one to four of 25 50 75 100 and the rest 1..10 (each at most twice), target 100..999</li>
 * </ul>
 */
final class CountdownGenerator {

    static final int MIN_N = 3;
    static final int MAX_N = 6;
    /** Fixed seed of the published splits. */
    static final long DATASET_SEED = 20_241_204L;
    /** Instances per difficulty: every 8th (rank 5) is test, every 8th (rank 0) validation, the rest train. */
    static final int PER_DIFFICULTY = 160;

    /** An instance and one solution. */
    record Generated(String text, String gold, int n) {
    }

    private CountdownGenerator() {
    }

    /** One instance of difficulty {@code n} from {@code rng}. */
    static Generated generate(int n, SplittableRandom rng) {
        if (n < MIN_N || n > MAX_N) {
            throw new IllegalArgumentException("Countdown difficulty is the count of numbers, " + MIN_N + ".." + MAX_N + ", not " + n);
        }
        while (true) {
            long[] numbers = draw(n, rng);
            Generated g = combine(numbers, rng);
            if (g != null) {
                return g;
            }
        }
    }

    private static long[] draw(int n, SplittableRandom rng) {
        long[] out = new long[n];
        if (n == MAX_N) {
            int large = 1 + rng.nextInt(4);
            List<Long> bigs = new ArrayList<>(List.of(25L, 50L, 75L, 100L));
            for (int k = 0; k < large; k++) {
                out[k] = bigs.remove(rng.nextInt(bigs.size()));
            }
            int[] used = new int[11];
            for (int k = large; k < n; k++) {
                int v;
                do {
                    v = 1 + rng.nextInt(10);
                } while (used[v] == 2);
                used[v]++;
                out[k] = v;
            }
            return out;
        }
        int max = n == 3 ? 25 : n == 4 ? 50 : 75;
        for (int k = 0; k < n; k++) {
            out[k] = 1 + rng.nextInt(max);
        }
        return out;
    }

    private static long[] targetRange(int n) {
        return switch (n) {
            case 3 -> new long[] {10, 100};
            case 4 -> new long[] {10, 200};
            case 5 -> new long[] {100, 500};
            default -> new long[] {100, 999};
        };
    }

    /** Random whole-number combination of all the numbers; null when it misses the target range. */
    private static Generated combine(long[] numbers, SplittableRandom rng) {
        int n = numbers.length;
        List<Long> values = new ArrayList<>();
        List<String> exprs = new ArrayList<>();
        for (long v : numbers) {
            values.add(v);
            exprs.add(Long.toString(v));
        }
        while (values.size() > 1) {
            int i = rng.nextInt(values.size());
            int j = rng.nextInt(values.size() - 1);
            if (j >= i) {
                j++;
            }
            long a = values.get(i);
            long b = values.get(j);
            // One of the operations whose result is a positive whole number, uniformly; never * 1 or / 1.
            List<String> valid = new ArrayList<>(List.of("+"));
            if (a > 1 && b > 1 && a * b <= 10_000) {
                valid.add("*");
            }
            if (a != b) {
                valid.add("-");
            }
            if ((b > 1 && a % b == 0) || (a > 1 && b % a == 0)) {
                valid.add("/");
            }
            String sym = valid.get(rng.nextInt(valid.size()));
            if ((sym.equals("-") && a < b) || (sym.equals("/") && !(b > 1 && a % b == 0))) {
                long t = a;
                a = b;
                b = t;
                int ti = i;
                i = j;
                j = ti;
            }
            long r = switch (sym) {
                case "+" -> a + b;
                case "*" -> a * b;
                case "-" -> a - b;
                default -> a / b;
            };
            String e = bracket(exprs.get(i)) + " " + sym + " " + bracket(exprs.get(j));
            int hi = Math.max(i, j);
            int lo = Math.min(i, j);
            values.remove(hi);
            exprs.remove(hi);
            values.set(lo, r);
            exprs.set(lo, e);
        }
        long target = values.get(0);
        long[] range = targetRange(n);
        if (target < range[0] || target > range[1]) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (long v : numbers) {
            text.append(v).append(' ');
        }
        text.append("-> ").append(target);
        return new Generated(text.toString(), exprs.get(0), n);
    }

    private static String bracket(String e) {
        return e.indexOf(' ') < 0 ? e : "(" + e + ")";
    }

    /** The published dataset: {@link #PER_DIFFICULTY} distinct instances per n from {@link #DATASET_SEED}. */
    static Built build() {
        Map<String, String> gold = new LinkedHashMap<>();
        Map<Integer, SplittableRandom> streams = new LinkedHashMap<>();
        List<Integer> ns = new ArrayList<>();
        for (int n = MIN_N; n <= MAX_N; n++) {
            ns.add(n);
            streams.put(n, new SplittableRandom(DATASET_SEED * 31 + n));
        }
        Dataset d = GradedSplits.build(ns, PER_DIFFICULTY, n -> {
            Generated g = generate(n, streams.get(n));
            gold.putIfAbsent(g.text(), g.gold());
            return g.text();
        });
        return new Built(d, Collections.unmodifiableMap(gold));
    }

    /** The splits and each instance's gold expression. */
    record Built(Dataset dataset, Map<String, String> gold) {
    }
}
