package org.rlmworkbench.problems.blocksworld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rlmworkbench.runner.problem.InstanceParseException;
import org.rlmworkbench.runner.problem.Step;
import org.rlmworkbench.runner.problem.StepParse;

class BlocksworldRulesTest {

    private final Blocksworld bw = new Blocksworld();

    private BlocksState sample() throws InstanceParseException {
        return bw.parseInstance(bw.sampleInstance());
    }

    private BlocksState after(BlocksState s, String action) {
        StepParse<BlocksState> p = bw.parseStep(s, action);
        assertThat(p).as(action).isInstanceOf(StepParse.Accepted.class);
        return ((StepParse.Accepted<BlocksState>) p).step().next();
    }

    @Test
    void statesAndGoalsReadAsPlanBenchWritesThem() throws Exception {
        BlocksState s = sample();
        assertThat(bw.encodeState(s)).isEqualTo("I have that, the red block is clear, the yellow block is clear, the hand is "
                + "empty, the red block is on top of the blue block, the blue block is on top of the orange block, the orange "
                + "block is on the table and the yellow block is on the table. My goal is to have that the orange block is on "
                + "top of the red block and the yellow block is on top of the orange block. Steps taken: 0 of 16.");
        assertThat(BlocksText.instance(s)).isEqualTo(bw.sampleInstance());
        assertThat(bw.decodeState(bw.encodeState(s))).isEqualTo(s);
        BlocksState held = after(s, "unstack the red block from on top of the blue block");
        assertThat(bw.promptText(held)).startsWith("I have that, the blue block is clear, the yellow block is clear, the hand "
                + "is holding the red block, the blue block is on top of the orange block, the orange block");
        assertThat(bw.decodeState(bw.encodeState(held))).isEqualTo(held);
    }

    @Test
    void actionsAreListedInLlmReasonersOrderAndWords() throws Exception {
        BlocksState s = sample();
        assertThat(bw.steps(s)).extracting(Step::text)
                .containsExactly("unstack the red block from on top of the blue block", "pick up the yellow block");
        BlocksState held = after(s, "pick up the yellow block");
        assertThat(bw.steps(held)).extracting(Step::text)
                .containsExactly("stack the yellow block on top of the red block", "put down the yellow block");
    }

    @Test
    void theVerifierSimulatesThePlan() throws Exception {
        String gold = bw.goldAnswer(bw.sampleInstance());
        assertThat(gold.lines()).hasSize(8);
        assertThat(bw.checkPlan(bw.sampleInstance(), gold)).isNull();
        List<String> lines = gold.lines().toList();
        // Near misses: the last action left out; two actions swapped.
        assertThat(bw.checkPlan(bw.sampleInstance(), String.join("\n", lines.subList(0, 7))))
                .isEqualTo("after 7 actions the goal is not reached");
        assertThat(bw.checkPlan(bw.sampleInstance(), String.join("\n", lines.get(1), lines.get(0))))
                .isEqualTo("action 1 'put down the red block': cannot put down the red block: the hand is not holding the red "
                        + "block (the hand is empty)");
        BlocksState end = sample();
        for (String a : lines) {
            end = after(end, a);
        }
        assertThat(bw.isTerminal(end)).isTrue();
        assertThat(bw.outcomeReward(end)).isEqualTo(1.0);
        assertThat(bw.answer(end)).isEqualTo("goal reached in 8 actions");
    }

    @Test
    void runningOutOfActionsEndsTheRunUnsolved() throws Exception {
        BlocksState s = bw.decodeState("I have that, the red block is clear, the hand is empty, the red block is on top of the "
                + "blue block and the blue block is on the table. My goal is to have that the blue block is on top of the red "
                + "block. Steps taken: 3 of 4.");
        BlocksState last = after(s, "unstack the red block from on top of the blue block");
        assertThat(bw.isTerminal(last)).isTrue();
        assertThat(bw.outcomeReward(last)).isEqualTo(-1.0);
    }

    @Test
    void theProcessRewardComparesActionsNeededWithActionsLeft() throws Exception {
        BlocksState s = sample();
        // Optimal 8 of 16 allowed: 1 - 16/17.
        assertThat(bw.processReward(s).getAsDouble()).isCloseTo(1 - 16.0 / 17, org.assertj.core.data.Offset.offset(1e-9));
        BlocksState good = after(s, "unstack the red block from on top of the blue block");
        BlocksState wasted = after(s, "pick up the yellow block");
        assertThat(bw.processReward(good).getAsDouble()).isCloseTo(1 - 14.0 / 16, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(bw.processReward(wasted).getAsDouble()).isCloseTo(1 - 18.0 / 16, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(bw.processReward(good).getAsDouble()).isPositive();
        assertThat(bw.processReward(wasted).getAsDouble()).isNegative();
        BlocksState late = bw.decodeState("I have that, the red block is clear, the hand is empty, the red block is on top of "
                + "the blue block and the blue block is on the table. My goal is to have that the blue block is on top of the "
                + "red block. Steps taken: 1 of 4.");
        assertThat(bw.processReward(late).getAsDouble()).isEqualTo(-1.0);
    }

    @Test
    void theHeuristicCountsMisplacedBlocks() throws Exception {
        BlocksState s = sample();
        // Orange and yellow are not where the goal wants them; red and blue sit on a misplaced block.
        assertThat(Blocksworld.misplaced(s)).isEqualTo(4);
        // Two actions per misplaced block: 8, the optimal length here, of 16 allowed.
        assertThat(bw.heuristicValue(s)).isCloseTo(1 - 16.0 / 17, org.assertj.core.data.Offset.offset(1e-9));
        BlocksState end = s;
        for (String a : bw.goldAnswer(bw.sampleInstance()).lines().toList()) {
            end = after(end, a);
        }
        assertThat(Blocksworld.misplaced(end)).isZero();
        assertThat(bw.heuristicValue(end)).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "accepts ''{0}''")
    @CsvSource(delimiter = '|', value = {
        "unstack the red block from on top of the blue block|unstack the red block from on top of the blue block",
        "Unstack the red block from on top of the blue block.|unstack the red block from on top of the blue block",
        "1. unstack the red block from the blue block|unstack the red block from on top of the blue block",
        "[ACTION 1] pick up the yellow block|pick up the yellow block",
        "  Pick-up   the YELLOW block |pick up the yellow block",
    })
    void acceptsActionsInManySpellings(String written, String canonical) throws Exception {
        StepParse<BlocksState> p = bw.parseStep(sample(), written);
        assertThat(p).isInstanceOf(StepParse.Accepted.class);
        assertThat(((StepParse.Accepted<BlocksState>) p).step().text()).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "rejects ''{0}''")
    @CsvSource(delimiter = '|', value = {
        "''|not an action: the text is empty",
        "move the red block onto the table|not an action: expected 'pick up the red block', 'put down the red block', 'stack the red block on top of the blue block' or 'unstack the red block from on top of the blue block'",
        "pick up the red block|cannot pick up the red block: the red block is on top of the blue block, not on the table (unstack it instead)",
        "pick up the blue block|cannot pick up the blue block: the red block is on top of the blue block",
        "unstack the blue block from on top of the orange block|cannot unstack the blue block from on top of the orange block: the red block is on top of the blue block",
        "unstack the red block from on top of the orange block|cannot unstack the red block from on top of the orange block: the red block is on top of the blue block, not the orange block",
        "unstack the yellow block from on top of the red block|cannot unstack the yellow block from on top of the red block: the yellow block is on the table (pick it up instead)",
        "stack the red block on top of the yellow block|cannot stack the red block on top of the yellow block: the hand is not holding the red block (the hand is empty)",
        "put down the red block|cannot put down the red block: the hand is not holding the red block (the hand is empty)",
        "pick up the purple block|there is no purple block here (the blocks are red, blue, orange, yellow)",
        "pick up the white block|there is no white block here (the blocks are red, blue, orange, yellow)",
        "unstack the red block from on top of the red block|cannot unstack the red block from on top of the red block: a block cannot be on top of itself",
    })
    void rejectsWithAReason(String written, String reason) throws Exception {
        StepParse<BlocksState> p = bw.parseStep(sample(), written);
        assertThat(p).isInstanceOf(StepParse.Rejected.class);
        assertThat(((StepParse.Rejected<BlocksState>) p).reason()).isEqualTo(reason);
    }

    @Test
    void holdingABlockLimitsWhatCanBeDone() throws Exception {
        BlocksState held = after(sample(), "pick up the yellow block");
        assertThat(((StepParse.Rejected<BlocksState>) bw.parseStep(held, "pick up the yellow block")).reason())
                .isEqualTo("cannot pick up the yellow block: the hand is holding the yellow block (put it down or stack it first)");
        assertThat(((StepParse.Rejected<BlocksState>) bw.parseStep(held, "stack the yellow block on top of the blue block")).reason())
                .isEqualTo("cannot stack the yellow block on top of the blue block: the blue block is not clear (the red block is on top of it)");
    }

    @Test
    void badInstancesSayWhatIsWrong() {
        assertThatThrownBy(() -> bw.parseInstance("the red block is clear")).isInstanceOf(InstanceParseException.class)
                .hasMessageContaining("must start with 'As initial conditions I have that,'");
        assertThatThrownBy(() -> bw.parseInstance("As initial conditions I have that, the red block is clear, the hand is "
                + "empty and the red block is on the table. My goal is to have that the red block is on top of the red block."))
                .hasMessageContaining("puts a block on top of itself");
        assertThatThrownBy(() -> bw.parseInstance("As initial conditions I have that, the red block is clear, the hand is "
                + "empty, the red block is on the table and the blue block is on the table. My goal is to have that the red "
                + "block is on top of the blue block and the blue block is on top of the red block."))
                .hasMessageContaining("in a circle");
        assertThatThrownBy(() -> bw.parseInstance("As initial conditions I have that, the blue block is clear, the hand is "
                + "empty, the red block is on top of the blue block and the blue block is on the table. My goal is to have "
                + "that the blue block is on top of the red block."))
                .hasMessageContaining("says the blue block is clear, but a block is on top of it");
        assertThatThrownBy(() -> bw.parseInstance("As initial conditions I have that, the hand is empty and the red block "
                + "is on the table. My goal is to have that the red block is on top of the yellow block."))
                .hasMessageContaining("the yellow block is mentioned but the blue block is not");
        assertThatThrownBy(() -> bw.parseInstance("As initial conditions I have that, the hand is empty, the red block is "
                + "floating and the blue block is on the table. My goal is to have that the red block is on top of the blue block."))
                .hasMessageContaining("cannot read the condition 'the red block is floating'");
    }
}
