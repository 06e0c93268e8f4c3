package org.rlmworkbench.problems.blocksworld;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact number of actions from every arrangement of n blocks to a goal, by breadth-first
 * search. Every Blocksworld action can be undone by one action (pick up / put down, unstack /
 * stack), so distances to the goal are distances from the goal arrangements: one BFS from all
 * of them covers every arrangement (7,057 for six blocks). Tables are cached per thread.
 */
final class BlocksDistances {

    /** Distance of an arrangement that cannot occur. */
    static final byte UNREACHABLE = -1;

    private static final ThreadLocal<Map<String, byte[]>> CACHE = ThreadLocal.withInitial(
            () -> new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                    return size() > 32;
                }
            });

    private BlocksDistances() {
    }

    /** Actions still needed from the state's arrangement to its goal. */
    static int toGoal(BlocksState s) {
        return table(s.goal())[s.code()];
    }

    /** The distance table of a goal, indexed by {@link BlocksState#code(byte[])}. */
    static byte[] table(byte[] goal) {
        String key = Arrays.toString(goal);
        Map<String, byte[]> cache = CACHE.get();
        byte[] t = cache.get(key);
        if (t == null) {
            t = build(goal);
            cache.put(key, t);
        }
        return t;
    }

    /** Every arrangement of n blocks (hand empty or holding one), in BFS order from all on the table. */
    static List<byte[]> arrangements(int n) {
        byte[] start = new byte[n];
        Arrays.fill(start, BlocksState.TABLE);
        List<byte[]> all = new ArrayList<>();
        boolean[] seen = new boolean[1 << (3 * n)];
        ArrayDeque<byte[]> queue = new ArrayDeque<>();
        queue.add(start);
        seen[BlocksState.code(start)] = true;
        while (!queue.isEmpty()) {
            byte[] b = queue.poll();
            all.add(b);
            BlocksMoves.neighbours(b, nb -> {
                int c = BlocksState.code(nb);
                if (!seen[c]) {
                    seen[c] = true;
                    queue.add(nb);
                }
            });
        }
        return all;
    }

    private static byte[] build(byte[] goal) {
        int n = goal.length;
        byte[] dist = new byte[1 << (3 * n)];
        Arrays.fill(dist, UNREACHABLE);
        ArrayDeque<byte[]> queue = new ArrayDeque<>();
        for (byte[] b : arrangements(n)) {
            if (satisfies(b, goal)) {
                dist[BlocksState.code(b)] = 0;
                queue.add(b);
            }
        }
        while (!queue.isEmpty()) {
            byte[] b = queue.poll();
            byte d = dist[BlocksState.code(b)];
            BlocksMoves.neighbours(b, nb -> {
                int c = BlocksState.code(nb);
                if (dist[c] == UNREACHABLE) {
                    dist[c] = (byte) (d + 1);
                    queue.add(nb);
                }
            });
        }
        return dist;
    }

    static boolean satisfies(byte[] below, byte[] goal) {
        for (int i = 0; i < goal.length; i++) {
            if (goal[i] != BlocksState.FREE && below[i] != goal[i]) {
                return false;
            }
        }
        return true;
    }
}
