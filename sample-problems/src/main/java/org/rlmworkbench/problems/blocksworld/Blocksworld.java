package org.rlmworkbench.problems.blocksworld;

import java.util.List;
import java.util.OptionalDouble;
import org.rlmworkbench.runner.problem.ProblemFeatures;
import org.rlmworkbench.runner.problem.Dataset;
import org.rlmworkbench.runner.problem.InstanceParseException;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Prompts;
import org.rlmworkbench.runner.problem.Step;
import org.rlmworkbench.runner.problem.StepParse;

/**
 * PlanBench's Blocksworld: stack coloured blocks into a goal arrangement with four actions,
 * worded as LLM Reasoners words them. Instances read as PlanBench writes them; the difficulty is
 * the optimal plan length (2..12, 3 to 6 blocks). A run may take twice the optimal number of
 * actions (at least 4); the verifier simulates the actions and checks the goal; the process
 * reward compares the actions still needed (exact, by BFS) with the actions left.
 */
public final class Blocksworld implements Problem<BlocksState>, ProblemFeatures<BlocksState> {

    public static final String ID = "blocksworld";

    private static final class Holder {
        static final BlocksGenerator.Built DATA = BlocksGenerator.build();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Blocksworld";
    }

    @Override
    public String description() {
        return "PlanBench's Blocksworld: rearrange three to six coloured blocks into the goal with the actions "
                + "'pick up the red block', 'unstack the red block from on top of the blue block', 'stack the red block "
                + "on top of the blue block' and 'put down the red block' (LLM Reasoners' wording). Instances read as in "
                + "PlanBench ('As initial conditions I have that, ... My goal is to have that ...'); the difficulty is the "
                + "optimal plan length, 2 to 12. A run may take twice the optimal number of actions. The verifier "
                + "simulates the plan; the process reward compares the actions still needed (BFS) with those left.";
    }

    @Override
    public BlocksState parseInstance(String text) throws InstanceParseException {
        BlocksState s = BlocksText.parse(text);
        if (s.steps() != 0) {
            throw new InstanceParseException("an instance starts with no steps taken; this text says " + s.steps());
        }
        return s;
    }

    @Override
    public String sampleInstance() {
        return "As initial conditions I have that, the red block is clear, the yellow block is clear, the hand is empty, "
                + "the red block is on top of the blue block, the blue block is on top of the orange block, the orange "
                + "block is on the table and the yellow block is on the table. My goal is to have that the orange block "
                + "is on top of the red block and the yellow block is on top of the orange block.";
    }

    @Override
    public List<Step<BlocksState>> steps(BlocksState state) {
        return BlocksMoves.steps(state);
    }

    @Override
    public StepParse<BlocksState> parseStep(BlocksState state, String text) {
        return BlocksStepParser.parse(state, text);
    }

    /** The current conditions and the goal in PlanBench's words. */
    @Override
    public String promptText(BlocksState state) {
        return BlocksText.prompt(state);
    }

    @Override
    public Prompts prompts() {
        return BlocksPrompts.PROMPTS;
    }

    /** The goal is reached, or the actions allowed are used up. */
    @Override
    public boolean isTerminal(BlocksState state) {
        return state.isTerminal();
    }

    /** +1 when every goal condition holds, -1 otherwise. */
    @Override
    public double outcomeReward(BlocksState state) {
        return state.goalReached() ? 1.0 : -1.0;
    }

    /**
     * With d the actions still needed (BFS) and r the actions left: -1 when d &gt; r (the goal
     * cannot be reached in time), +1 at the goal, else {@code 1 - 2d/(r+1)}. At the start (r = 2d)
     * this is near 0; an action on an optimal plan raises it, a wasted one lowers it.
     */
    @Override
    public OptionalDouble processReward(BlocksState state) {
        return OptionalDouble.of(progress(BlocksDistances.toGoal(state), state.stepsLeft(), state.goalReached()));
    }

    private static double progress(int needed, int left, boolean reached) {
        if (reached) {
            return 1.0;
        }
        if (needed > left) {
            return -1.0;
        }
        return 1.0 - 2.0 * needed / (left + 1.0);
    }

    /**
     * The same shape as the process reward with a cheap estimate of the actions needed instead
     * of BFS: two per misplaced block (a block is in place when its goal position, if any, holds
     * and the block under it is in place), one more when the hand is full.
     */
    @Override
    public double heuristicValue(BlocksState s) {
        if (s.isTerminal()) {
            return outcomeReward(s);
        }
        int estimate = 2 * misplaced(s) + (s.holding() >= 0 ? 1 : 0);
        return Math.max(-1.0, progress(estimate, s.stepsLeft(), false));
    }

    @Override
    public int extraFeatureCount() {
        return BlocksFeatures.COUNT;
    }

    @Override
    public void extraFeatures(BlocksState state, float[] out, int offset) {
        boolean[] placed = new boolean[state.blocks()];
        for (int b = 0; b < placed.length; b++) {
            placed[b] = inPlace(state, b, 0);
        }
        BlocksFeatures.write(state, heuristicValue(state), misplaced(state), placed, out, offset);
    }

    static int misplaced(BlocksState s) {
        int count = 0;
        for (int b = 0; b < s.blocks(); b++) {
            if (!inPlace(s, b, 0)) {
                count++;
            }
        }
        return count;
    }

    private static boolean inPlace(BlocksState s, int b, int depth) {
        byte[] below = s.below();
        byte[] goal = s.goal();
        if (below[b] == BlocksState.HAND) {
            return false;
        }
        if (goal[b] != BlocksState.FREE && goal[b] != below[b]) {
            return false;
        }
        return below[b] < 0 || depth > s.blocks() || inPlace(s, below[b], depth + 1);
    }

    /** Stacking onto a goal position is best; moving a block that is in place is worst. */
    @Override
    public double stepPreference(BlocksState state, Step<BlocksState> step) {
        BlocksAction a = (BlocksAction) step;
        byte[] goal = state.goal();
        return switch (a.kind()) {
            case STACK -> goal[a.block()] == a.other() ? 4.0 : 0.5;
            case PUT_DOWN -> 1.0;
            case PICK_UP, UNSTACK -> inPlace(state, a.block(), 0) ? 0.3 : 1.5;
        };
    }

    /** {@code goal reached in 6 actions}, or {@code goal not reached}. */
    @Override
    public String answer(BlocksState state) {
        return state.goalReached() ? "goal reached in " + state.steps() + " actions" : "goal not reached";
    }

    @Override
    public String encodeState(BlocksState state) {
        return BlocksText.state(state);
    }

    @Override
    public BlocksState decodeState(String text) throws InstanceParseException {
        return BlocksText.parse(text);
    }

    /** 80 instances for each optimal plan length 2, 4, ..., 12 from a fixed seed: train 360, validation 60, test 60. */
    @Override
    public Dataset dataset() {
        return Holder.DATA.dataset();
    }

    /** An optimal plan, one action per line, for any valid instance (computed by BFS); null for other text. */
    @Override
    public String goldAnswer(String instanceText) {
        BlocksGenerator.Generated g = Holder.DATA.byText().get(instanceText.strip());
        if (g != null) {
            return g.plan();
        }
        try {
            return String.join("\n", BlocksGenerator.optimalPlan(parseInstance(instanceText)));
        } catch (InstanceParseException e) {
            return null;
        }
    }

    /** The optimal plan length; NaN when the text is not an instance. */
    @Override
    public double instanceDifficulty(String instanceText) {
        try {
            return BlocksDistances.toGoal(parseInstance(instanceText));
        } catch (InstanceParseException e) {
            return Double.NaN;
        }
    }

    /**
     * The verifier on a whole written plan: simulates it action by action from the instance and
     * says whether it reaches the goal, or which action is illegal and why.
     *
     * @return null when the plan is legal and reaches the goal, else the reason it fails
     * @throws InstanceParseException when the instance cannot be read
     */
    public String checkPlan(String instanceText, String plan) throws InstanceParseException {
        BlocksState s = parseInstance(instanceText);
        s = new BlocksState(s.below(), s.goal(), 0, Integer.MAX_VALUE);
        int k = 0;
        for (String line : plan.split("\\R")) {
            if (line.isBlank() || line.strip().equalsIgnoreCase("[PLAN END]")) {
                continue;
            }
            k++;
            if (s.goalReached()) {
                return "action " + k + " '" + line.strip() + "' comes after the goal is reached";
            }
            StepParse<BlocksState> p = parseStep(s, line);
            if (p instanceof StepParse.Rejected<BlocksState> r) {
                return "action " + k + " '" + line.strip() + "': " + r.reason();
            }
            s = ((StepParse.Accepted<BlocksState>) p).step().next();
        }
        return s.goalReached() ? null : "after " + k + " actions the goal is not reached";
    }
}
