package org.rlmworkbench.problems.blocksworld;

/**
 * Blocksworld's own inputs for the value and policy networks, beside the hashed text of the state:
 * the text lists facts in a fixed order, so n-grams see which facts hold but not how many of the
 * goal's do, nor how that compares with the actions left. Each feature lies in [0, 1] or [-1, 1].
 */
final class BlocksFeatures {
    /** Heuristic value, misplaced share, hand full, goal facts met, blocks in place, actions left,
     *  estimate against actions left, block count, blocks on the table, goal reached. */
    static final int COUNT = 10;

    private BlocksFeatures() {
    }

    static void write(BlocksState s, double heuristic, int misplaced, boolean[] inPlace, float[] out, int at) {
        int n = s.blocks();
        byte[] below = s.below();
        byte[] goal = s.goal();
        int goals = 0;
        int met = 0;
        int placed = 0;
        int onTable = 0;
        for (int b = 0; b < n; b++) {
            if (goal[b] != BlocksState.FREE) {
                goals++;
                met += below[b] == goal[b] ? 1 : 0;
                placed += inPlace[b] ? 1 : 0;
            }
            onTable += below[b] == BlocksState.TABLE ? 1 : 0;
        }
        int left = s.stepsLeft();
        int estimate = 2 * misplaced + (s.holding() >= 0 ? 1 : 0);
        out[at] = (float) heuristic;
        out[at + 1] = (float) misplaced / n;
        out[at + 2] = s.holding() >= 0 ? 1f : 0f;
        out[at + 3] = goals == 0 ? 1f : (float) met / goals;
        out[at + 4] = goals == 0 ? 1f : (float) placed / goals;
        out[at + 5] = s.limit() == 0 ? 0f : (float) left / s.limit();
        out[at + 6] = (float) Math.min(1.0, estimate / (left + 1.0));
        out[at + 7] = (float) n / BlocksState.MAX_BLOCKS;
        out[at + 8] = (float) onTable / n;
        out[at + 9] = s.goalReached() ? 1f : 0f;
    }
}
