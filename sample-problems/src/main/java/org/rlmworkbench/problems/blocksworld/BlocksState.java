package org.rlmworkbench.problems.blocksworld;

import java.util.Arrays;

/**
 * An immutable Blocksworld state: where each block is, the goal, and the steps taken of the
 * steps allowed. Blocks are numbered 0..n-1 and named by PlanBench's colours (red, blue,
 * orange, yellow, white, magenta).
 *
 * @param below for each block: {@link #TABLE}, {@link #HAND} or the block it is on top of
 * @param goal for each block: the block it must end on top of, or {@link #FREE} when the goal says nothing
 * @param steps actions taken so far
 * @param limit actions allowed
 */
public record BlocksState(byte[] below, byte[] goal, int steps, int limit) {

    public static final byte TABLE = -1;
    public static final byte HAND = -2;
    public static final byte FREE = -3;
    /** PlanBench's names of blocks a..f; BFS for the process reward limits instances to six. */
    public static final String[] COLOURS = {"red", "blue", "orange", "yellow", "white", "magenta"};
    public static final int MAX_BLOCKS = COLOURS.length;

    public BlocksState {
        below = below.clone();
        goal = goal.clone();
    }

    public int blocks() {
        return below.length;
    }

    /** The block in the hand, or -1 when the hand is empty. */
    public int holding() {
        for (int i = 0; i < below.length; i++) {
            if (below[i] == HAND) {
                return i;
            }
        }
        return -1;
    }

    /** No block on top of it and not in the hand. */
    public boolean clear(int block) {
        if (below[block] == HAND) {
            return false;
        }
        for (byte b : below) {
            if (b == block) {
                return false;
            }
        }
        return true;
    }

    /** Every on-fact of the goal holds. */
    public boolean goalReached() {
        for (int i = 0; i < goal.length; i++) {
            if (goal[i] != FREE && below[i] != goal[i]) {
                return false;
            }
        }
        return true;
    }

    public boolean isTerminal() {
        return goalReached() || steps >= limit;
    }

    public int stepsLeft() {
        return limit - steps;
    }

    /** The arrangement as a small integer: three bits per block, {@code below + 2}. */
    int code() {
        return code(below);
    }

    static int code(byte[] below) {
        int c = 0;
        for (int i = below.length - 1; i >= 0; i--) {
            c = (c << 3) | (below[i] + 2);
        }
        return c;
    }

    /** The same goal and budget with another arrangement, one step later. */
    BlocksState after(byte[] newBelow) {
        return new BlocksState(newBelow, goal, steps + 1, limit);
    }

    static String name(int block) {
        return "the " + COLOURS[block] + " block";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlocksState s && Arrays.equals(below, s.below) && Arrays.equals(goal, s.goal)
                && steps == s.steps && limit == s.limit;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(below) * 31 + Arrays.hashCode(goal) * 17 + steps * 7 + limit;
    }

    @Override
    public String toString() {
        return BlocksText.state(this);
    }
}
