package org.rlmworkbench.problems.blocksworld;

import java.util.Collections;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.rlmworkbench.problems.common.GradedSplits;
import org.rlmworkbench.runner.problem.Dataset;
import org.rlmworkbench.runner.problem.Step;

/**
 * Generates Blocksworld instances of a given optimal plan length (2, 4, ..., 12; plans from an
 * empty hand to on-goals always have even length): draw a random goal arrangement and keep its
 * on-facts (each dropped with probability 1/4, at least one kept, as PlanBench's partial goals),
 * compute every arrangement's distance to it by BFS, and draw the start among the hand-empty
 * arrangements at exactly that distance. Blocks by length: 2-4 actions 3 or 4 blocks, 6-8
 * actions 4 or 5, 10-12 actions 5 or 6.
 */
final class BlocksGenerator {

    static final int MIN_LENGTH = 2;
    static final int MAX_LENGTH = 12;
    static final long DATASET_SEED = 20_241_205L;
    static final int PER_LENGTH = 80;

    /** An instance, its optimal plan (one action per line) and the plan's length. */
    record Generated(String text, String plan, int length, int blocks) {
    }

    private BlocksGenerator() {
    }

    static Generated generate(int length, SplittableRandom rng) {
        if (length < MIN_LENGTH || length > MAX_LENGTH || length % 2 != 0) {
            throw new IllegalArgumentException("Blocksworld difficulty is the optimal plan length, an even number "
                    + MIN_LENGTH + ".." + MAX_LENGTH + ", not " + length);
        }
        int lo = length <= 4 ? 3 : length <= 8 ? 4 : 5;
        while (true) {
            int n = lo + rng.nextInt(2);
            byte[] goalArrangement = arrangement(n, rng);
            byte[] goal = new byte[n];
            Arrays.fill(goal, BlocksState.FREE);
            List<Integer> on = new ArrayList<>();
            for (int b = 0; b < n; b++) {
                if (goalArrangement[b] >= 0) {
                    on.add(b);
                }
            }
            if (on.isEmpty()) {
                continue;
            }
            int keep = on.get(rng.nextInt(on.size()));
            for (int b : on) {
                if (b == keep || rng.nextInt(4) != 0) {
                    goal[b] = goalArrangement[b];
                }
            }
            byte[] dist = BlocksDistances.table(goal);
            List<byte[]> candidates = new ArrayList<>();
            for (byte[] a : BlocksDistances.arrangements(n)) {
                if (dist[BlocksState.code(a)] == length && handEmpty(a)) {
                    candidates.add(a);
                }
            }
            if (candidates.isEmpty()) {
                continue;
            }
            byte[] start = candidates.get(rng.nextInt(candidates.size()));
            BlocksState s = new BlocksState(start, goal, 0, BlocksText.limitFor(length));
            return new Generated(BlocksText.instance(s), String.join("\n", optimalPlan(s)), length, n);
        }
    }

    /** Random stacks: blocks in random order, each on the table or on the top of the last stack. */
    private static byte[] arrangement(int n, SplittableRandom rng) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        byte[] below = new byte[n];
        int top = -1;
        for (int b : order) {
            below[b] = top >= 0 && rng.nextBoolean() ? (byte) top : BlocksState.TABLE;
            top = b;
        }
        return below;
    }

    private static boolean handEmpty(byte[] below) {
        for (byte b : below) {
            if (b == BlocksState.HAND) {
                return false;
            }
        }
        return true;
    }

    /** An optimal plan: from each state the first listed action that brings the goal one action nearer. */
    static List<String> optimalPlan(BlocksState s) {
        byte[] dist = BlocksDistances.table(s.goal());
        List<String> plan = new ArrayList<>();
        BlocksState cur = new BlocksState(s.below(), s.goal(), 0, Integer.MAX_VALUE);
        while (!cur.goalReached()) {
            int d = dist[cur.code()];
            BlocksState next = null;
            for (Step<BlocksState> step : BlocksMoves.steps(cur)) {
                if (dist[step.next().code()] == d - 1) {
                    plan.add(step.text());
                    next = step.next();
                    break;
                }
            }
            if (next == null) {
                throw new IllegalStateException("no action brings the goal nearer from " + cur + " (distance " + d + ")");
            }
            cur = next;
        }
        return plan;
    }

    static Built build() {
        Map<String, Generated> byText = new LinkedHashMap<>();
        Map<Integer, SplittableRandom> streams = new LinkedHashMap<>();
        List<Integer> lengths = new ArrayList<>();
        for (int length = MIN_LENGTH; length <= MAX_LENGTH; length += 2) {
            lengths.add(length);
            streams.put(length, new SplittableRandom(DATASET_SEED * 31 + length));
        }
        Dataset d = GradedSplits.build(lengths, PER_LENGTH, length -> {
            Generated g = generate(length, streams.get(length));
            byText.putIfAbsent(g.text(), g);
            return g.text();
        });
        return new Built(d, Collections.unmodifiableMap(byText));
    }

    record Built(Dataset dataset, Map<String, Generated> byText) {
    }
}
