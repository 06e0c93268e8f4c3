package org.rlmworkbench.problems.blocksworld;

import java.util.ArrayList;
import java.util.List;
import org.rlmworkbench.problems.blocksworld.BlocksAction.Kind;
import org.rlmworkbench.runner.problem.Step;

/**
 * The legal actions of a state, in LLM Reasoners' order ({@code generate_all_actions}): with an
 * empty hand, for each clear block a..f, pick it up (on the table) or unstack it; when holding a
 * block, stack it on each clear block a..f, then put it down. Also the rules with reasons, for
 * written actions and plans.
 */
final class BlocksMoves {

    private BlocksMoves() {
    }

    static List<Step<BlocksState>> steps(BlocksState s) {
        if (s.isTerminal()) {
            return List.of();
        }
        List<Step<BlocksState>> out = new ArrayList<>();
        byte[] below = s.below();
        int h = s.holding();
        if (h < 0) {
            for (int b = 0; b < below.length; b++) {
                if (s.clear(b)) {
                    Kind k = below[b] == BlocksState.TABLE ? Kind.PICK_UP : Kind.UNSTACK;
                    out.add(new BlocksAction(k, b, k == Kind.UNSTACK ? below[b] : -1, s.after(moved(below, b, BlocksState.HAND))));
                }
            }
        } else {
            for (int b = 0; b < below.length; b++) {
                if (b != h && s.clear(b)) {
                    out.add(new BlocksAction(Kind.STACK, h, b, s.after(moved(below, h, (byte) b))));
                }
            }
            out.add(new BlocksAction(Kind.PUT_DOWN, h, -1, s.after(moved(below, h, BlocksState.TABLE))));
        }
        return out;
    }

    /** The arrangements one action away, ignoring goal and budget (for the BFS). */
    static void neighbours(byte[] below, java.util.function.Consumer<byte[]> sink) {
        int h = -1;
        for (int i = 0; i < below.length; i++) {
            if (below[i] == BlocksState.HAND) {
                h = i;
            }
        }
        for (int b = 0; b < below.length; b++) {
            if (!clear(below, b)) {
                continue;
            }
            if (h < 0) {
                sink.accept(moved(below, b, BlocksState.HAND));
            } else if (b != h) {
                sink.accept(moved(below, h, (byte) b));
            }
        }
        if (h >= 0) {
            sink.accept(moved(below, h, BlocksState.TABLE));
        }
    }

    private static boolean clear(byte[] below, int block) {
        if (below[block] == BlocksState.HAND) {
            return false;
        }
        for (byte b : below) {
            if (b == block) {
                return false;
            }
        }
        return true;
    }

    static byte[] moved(byte[] below, int block, byte to) {
        byte[] next = below.clone();
        next[block] = to;
        return next;
    }

    /** The block on top of {@code block}, or -1. */
    private static int onTopOf(BlocksState s, int block) {
        for (int i = 0; i < s.blocks(); i++) {
            if (s.below()[i] == block) {
                return i;
            }
        }
        return -1;
    }

    /** Why the action cannot be taken in {@code s}, in plain words, or null when it can. */
    static String whyNot(BlocksState s, Kind kind, int block, int other) {
        String x = BlocksState.name(block);
        int h = s.holding();
        byte[] below = s.below();
        String verb = BlocksAction.words(kind, block, other);
        if (other >= 0 && other == block) {
            return "cannot " + verb + ": a block cannot be on top of itself";
        }
        switch (kind) {
            case PICK_UP, UNSTACK -> {
                if (h >= 0) {
                    return "cannot " + verb + ": the hand is holding " + BlocksState.name(h)
                            + " (put it down or stack it first)";
                }
                int top = onTopOf(s, block);
                if (top >= 0) {
                    return "cannot " + verb + ": " + BlocksState.name(top) + " is on top of " + x;
                }
                if (kind == Kind.PICK_UP && below[block] >= 0) {
                    return "cannot " + verb + ": " + x + " is on top of " + BlocksState.name(below[block])
                            + ", not on the table (unstack it instead)";
                }
                if (kind == Kind.UNSTACK && below[block] != other) {
                    return "cannot " + verb + ": " + x + (below[block] == BlocksState.TABLE
                            ? " is on the table (pick it up instead)"
                            : " is on top of " + BlocksState.name(below[block]) + ", not " + BlocksState.name(other));
                }
                return null;
            }
            case STACK, PUT_DOWN -> {
                if (h != block) {
                    return "cannot " + verb + ": the hand is not holding " + x
                            + (h < 0 ? " (the hand is empty)" : " (it holds " + BlocksState.name(h) + ")");
                }
                if (kind == Kind.STACK && !s.clear(other)) {
                    int top = onTopOf(s, other);
                    return "cannot " + verb + ": " + BlocksState.name(other) + " is not clear ("
                            + BlocksState.name(top) + " is on top of it)";
                }
                return null;
            }
            default -> throw new AssertionError(kind);
        }
    }

    /** The action taken in {@code s}; it must be legal ({@link #whyNot} null). */
    static BlocksAction apply(BlocksState s, Kind kind, int block, int other) {
        byte to = switch (kind) {
            case PICK_UP, UNSTACK -> BlocksState.HAND;
            case STACK -> (byte) other;
            case PUT_DOWN -> BlocksState.TABLE;
        };
        return new BlocksAction(kind, block, other, s.after(moved(s.below(), block, to)));
    }
}
