package org.rlmworkbench.problems.blocksworld;

import org.rlmworkbench.runner.problem.Step;

/**
 * One of the four actions, worded as LLM Reasoners words them ({@code generate_all_actions} in
 * {@code reasoners/benchmark/bw_utils.py}, from PlanBench's {@code actions} table):
 * {@code pick up the red block}, {@code unstack the red block from on top of the blue block},
 * {@code stack the red block on top of the blue block}, {@code put down the red block}.
 *
 * @param kind which action
 * @param block the block moved
 * @param other the block under it before (unstack) or after (stack); -1 otherwise
 * @param next the state after the action
 */
record BlocksAction(Kind kind, int block, int other, BlocksState next) implements Step<BlocksState> {

    enum Kind { PICK_UP, UNSTACK, STACK, PUT_DOWN }

    @Override
    public String text() {
        return words(kind, block, other);
    }

    static String words(Kind kind, int block, int other) {
        return switch (kind) {
            case PICK_UP -> "pick up " + BlocksState.name(block);
            case UNSTACK -> "unstack " + BlocksState.name(block) + " from on top of " + BlocksState.name(other);
            case STACK -> "stack " + BlocksState.name(block) + " on top of " + BlocksState.name(other);
            case PUT_DOWN -> "put down " + BlocksState.name(block);
        };
    }
}
