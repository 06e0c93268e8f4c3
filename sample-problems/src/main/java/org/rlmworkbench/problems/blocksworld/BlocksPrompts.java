package org.rlmworkbench.problems.blocksworld;

import java.util.Map;
import org.rlmworkbench.runner.problem.Prompts;

/**
 * Few-shot prompts: PlanBench's domain introduction ({@code domain_intro} of its blocksworld
 * config) followed by Tree-of-Thoughts style propose / value / judge parts.
 */
final class BlocksPrompts {

    private BlocksPrompts() {
    }

    static final String DOMAIN = """
            I am playing with a set of blocks where I need to arrange the blocks into stacks. Here are the actions I can do

            Pick up a block
            Unstack a block from on top of another block
            Put down a block
            Stack a block on top of another block

            I have the following restrictions on my actions:
            I can only pick up or unstack one block at a time.
            I can only pick up or unstack a block if my hand is empty.
            I can only pick up a block if the block is on the table and the block is clear. A block is clear if the block has no other blocks on top of it and if the block is not picked up.
            I can only unstack a block from on top of another block if the block I am unstacking was really on top of the other block.
            I can only unstack a block from on top of another block if the block I am unstacking is clear.
            Once I pick up or unstack a block, I am holding the block.
            I can only put down a block that I am holding.
            I can only stack a block on top of another block if I am holding the block being stacked.
            I can only stack a block on top of another block if the block onto which I am stacking the block is clear.
            Once I put down or stack a block, my hand becomes empty.
            """;

    static final Prompts PROMPTS = new Prompts(
            DOMAIN + """

            Input: I have that, the red block is clear, the orange block is clear, the hand is empty, the red block is on top of the blue block, the blue block is on the table and the orange block is on the table. My goal is to have that the blue block is on top of the orange block.
            Possible next actions:
            unstack the red block from on top of the blue block
            pick up the orange block
            Input: I have that, the blue block is clear, the orange block is clear, the hand is holding the red block, the blue block is on the table and the orange block is on the table. My goal is to have that the blue block is on top of the orange block.
            Possible next actions:
            put down the red block
            stack the red block on top of the blue block
            stack the red block on top of the orange block
            Input: {input}
            Propose {k} possible next actions, one per line.
            Possible next actions:
            """,
            DOMAIN + """

            Evaluate whether the goal can be reached in the actions left (sure/likely/impossible).
            I have that, the red block is clear, the hand is empty, the red block is on top of the blue block and the blue block is on the table. My goal is to have that the blue block is on top of the red block. Steps taken: 0 of 4.
            unstack the red block, put it down, pick up the blue block, stack it on the red block: 4 actions
            sure
            I have that, the red block is clear, the hand is empty, the red block is on top of the blue block and the blue block is on the table. My goal is to have that the blue block is on top of the red block. Steps taken: 3 of 4.
            4 actions are needed and only 1 is left
            impossible
            {input}
            """,
            DOMAIN + """

            Given the problem and a plan, judge whether the plan is legal and reaches the goal (sure/impossible).
            Problem: {input}
            Plan: {answer}
            Judge:""",
            Map.of("sure", 1.0, "likely", 0.0, "impossible", -1.0));
}
