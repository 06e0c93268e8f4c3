package org.rlmworkbench.problems.game24;

import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.rlmworkbench.runner.problem.Dataset;
import org.rlmworkbench.runner.problem.InstanceParseException;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Prompts;
import org.rlmworkbench.runner.problem.Step;
import org.rlmworkbench.runner.problem.StepParse;

/**
 * The Game of 24 as used by Tree of Thoughts: combine four numbers with + - * / into 24.
 * Steps combine two numbers and read like {@code 4 * 6 = 24 (left: 24 8 2)}; arithmetic is
 * exact ({@link Rational}); the process reward is an exact solvability check; the dataset is
 * generated from all multisets of four numbers 1..13 and ranked by difficulty.
 *
 * <p>Stateless and thread-safe; the service loader creates it through the public constructor.
 */
public final class Game24 implements Problem<Game24State> {

    public static final String ID = "game24";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Game of 24";
    }

    @Override
    public String description() {
        return "Combine four whole numbers from 1 to 13 into exactly 24 using addition, subtraction, "
                + "multiplication and division, each number used once. Each reasoning step takes two of "
                + "the remaining numbers and replaces them by the result of one operation, written as in "
                + "Tree of Thoughts, e.g. '4 * 6 = 24 (left: 24 8 2)'; after three steps one number is "
                + "left and the answer is right when it is 24. Fractions are allowed on the way and "
                + "computed exactly. The process reward tells exactly whether the numbers left can "
                + "still make 24; the dataset holds every solvable puzzle, ranked from easy to hard.";
    }

    /** Four whole numbers 1..13 separated by whitespace or commas, e.g. {@code 4 6 8 2}. */
    @Override
    public Game24State parseInstance(String text) throws InstanceParseException {
        return Game24Parser.parseInstance(text);
    }

    /** The Tree-of-Thoughts paper's example: 13 - 9 = 4, 10 - 4 = 6, 4 * 6 = 24. */
    @Override
    public String sampleInstance() {
        return "4 9 10 13";
    }

    /** See {@link Game24Moves} for the order and for which repeats are left out. */
    @Override
    public List<Step<Game24State>> steps(Game24State state) {
        return Game24Moves.steps(state);
    }

    /**
     * Reads a step written by a model, lenient on its surface form and strict on its content; see
     * {@link Game24StepReader}. Accepted steps are the enumerated ones, with their canonical text.
     */
    @Override
    public StepParse<Game24State> parseStep(Game24State state, String text) {
        return Game24StepReader.read(state, text);
    }

    /** The numbers left in display order, e.g. {@code 4 10}: what ToT's propose and value prompts call input. */
    @Override
    public String promptText(Game24State state) {
        return state.toString();
    }

    /** Tree-of-Thoughts' own propose, value and answer-judge prompts; see {@link Game24Prompts}. */
    @Override
    public Prompts prompts() {
        return Game24Prompts.PROMPTS;
    }

    /**
     * One expression that solves the instance, in ToT's answer format, e.g.
     * {@code (13 - 9) * (10 - 4) = 24}; {@code null} for text that is not a solvable instance.
     */
    @Override
    public String goldAnswer(String instanceText) {
        try {
            return Game24Solver.solution(parseInstance(instanceText));
        } catch (InstanceParseException e) {
            return null;
        }
    }

    /** Uniform over {@link #steps}, without building step text or a list. */
    @Override
    public Game24State randomNext(Game24State state, SplittableRandom rng) {
        return Game24Moves.randomNext(state, rng);
    }

    @Override
    public boolean isTerminal(Game24State state) {
        return state.isTerminal();
    }

    /** +1 when the last number is exactly 24, -1 otherwise (also for a non-terminal state). */
    @Override
    public double outcomeReward(Game24State state) {
        return state.isTerminal() && state.number(0).isInteger(24) ? 1.0 : -1.0;
    }

    /** Exact step verifier: +1 when the numbers left can still make 24, -1 when they cannot. */
    @Override
    public OptionalDouble processReward(Game24State state) {
        return OptionalDouble.of(Game24Solver.solvable(state) ? 1.0 : -1.0);
    }

    /** See {@link Game24Heuristics#value}; does not use the solver. */
    @Override
    public double heuristicValue(Game24State state) {
        return Game24Heuristics.value(state);
    }

    /** See {@link Game24Heuristics#preference}; does not use the solver. */
    @Override
    public double stepPreference(Game24State state, Step<Game24State> step) {
        Game24State next = step.next();
        // The result comes first in display order, for any step that leads to a Game24State.
        return Game24Heuristics.preference(next.number(0), next.size());
    }

    /** The last number, e.g. {@code 24}; for a state that is not terminal, all its numbers. */
    @Override
    public String answer(Game24State state) {
        return state.isTerminal() ? state.number(0).toString() : state.toString();
    }

    /** Numbers in display order, e.g. {@code 24 8 2} or {@code 3/2 4}; decodes to the same state and text. */
    @Override
    public String encodeState(Game24State state) {
        return state.toString();
    }

    @Override
    public Game24State decodeState(String text) throws InstanceParseException {
        return Game24Parser.decodeState(text);
    }

    /** Ascending numbers, so states with the same numbers in another order merge. */
    @Override
    public String stateKey(Game24State state) {
        return state.canonicalKey();
    }

    /** All solvable multisets of four numbers 1..13, generated once and cached; see {@link Game24Dataset}. */
    @Override
    public Dataset dataset() {
        return Game24Dataset.get().splits();
    }

    /** Solvable instances in the canonical form {@code a b c d}, ranked easiest first, hardest last. */
    public List<String> rankedInstances() {
        return Game24Dataset.get().ranked();
    }

    /**
     * The difficulty of any instance (solvable or not): how many complete step sequences end in 24.
     *
     * @throws InstanceParseException when the text is not an instance
     */
    public Game24Difficulty difficulty(String instance) throws InstanceParseException {
        return difficulty(parseInstance(instance));
    }

    /** The difficulty of the puzzle the state poses: step sequences from it to one number. */
    public Game24Difficulty difficulty(Game24State state) {
        return new Game24Dataset.PathCounter().count(state);
    }
}
