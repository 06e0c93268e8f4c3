package org.rlmworkbench.problems.countdown;

import java.util.List;
import java.util.OptionalDouble;
import org.rlmworkbench.problems.game24.Rational;
import org.rlmworkbench.runner.problem.ProblemFeatures;
import org.rlmworkbench.runner.problem.Dataset;
import org.rlmworkbench.runner.problem.InstanceParseException;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Prompts;
import org.rlmworkbench.runner.problem.Step;
import org.rlmworkbench.runner.problem.StepParse;

/**
 * Countdown as TinyZero poses it: reach the target from three to six numbers with + - * /,
 * each number used exactly once. TinyZero's verifier ({@code validate_equation} in
 * {@code verl/utils/reward_score/countdown.py}) requires the sorted numbers of the equation to
 * equal the sorted available numbers, so <em>every</em> number must be used, and this problem
 * implements that rule: a state is terminal when one number is left, and it is solved when that
 * number is the target. Fractions and negative numbers on the way are allowed (TinyZero
 * evaluates the equation as written) and computed exactly. Steps read like Game of 24's:
 * {@code 25 + 50 = 75 (left: 75 75 100 3 6)}.
 */
public final class Countdown implements Problem<CountdownState>, ProblemFeatures<CountdownState> {

    public static final String ID = "countdown";

    private static final class Holder {
        static final CountdownGenerator.Built DATA = CountdownGenerator.build();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Countdown";
    }

    @Override
    public String description() {
        return "Reach the target after the arrow from three to six numbers with + - * /, every number used "
                + "exactly once (TinyZero's rule), e.g. '25 50 75 100 3 6 -> 952'. Each step combines two of the "
                + "numbers left, written as in Game of 24: '25 + 50 = 75 (left: 75 75 100 3 6)'. Instances are "
                + "generated from a solution, so each is solvable; difficulty is the count of numbers (3 to 6). "
                + "The process reward is exact for four numbers or fewer and a bounded search for five or six.";
    }

    @Override
    public CountdownState parseInstance(String text) throws InstanceParseException {
        return CountdownParser.parseInstance(text);
    }

    @Override
    public String sampleInstance() {
        return "25 50 75 100 3 6 -> 952";
    }

    @Override
    public List<Step<CountdownState>> steps(CountdownState state) {
        return CountdownMoves.steps(state);
    }

    /** Lenient on the signs (× ÷ − x), numbering and the '(left: ...)' part; strict on the numbers and the arithmetic. */
    @Override
    public StepParse<CountdownState> parseStep(CountdownState state, String text) {
        return CountdownParser.parseStep(state, text);
    }

    @Override
    public Prompts prompts() {
        return CountdownPrompts.PROMPTS;
    }

    @Override
    public boolean isTerminal(CountdownState state) {
        return state.isTerminal();
    }

    /** +1 when every number has been used and the last one is the target, -1 otherwise. */
    @Override
    public double outcomeReward(CountdownState state) {
        return state.solved() ? 1.0 : -1.0;
    }

    /**
     * +1 when the numbers left can still make the target, -1 when they cannot; exact up to four
     * numbers, and for five or six numbers 0 when a search of 200,000 states neither finds a
     * solution nor exhausts the possibilities.
     */
    @Override
    public OptionalDouble processReward(CountdownState state) {
        return OptionalDouble.of(switch (CountdownSolver.solve(state)) {
            case SOLVABLE -> 1.0;
            case UNSOLVABLE -> -1.0;
            case UNKNOWN -> 0.0;
        });
    }

    /**
     * Closeness to the target of the nearest number or result of one operation on a pair,
     * relative to the target ((0.1 - d) / (0.1 + d) for relative distance d), scaled by a
     * confidence that shrinks with the numbers left. Never asks the solver.
     */
    @Override
    public double heuristicValue(CountdownState s) {
        if (s.isTerminal()) {
            return outcomeReward(s);
        }
        int n = s.size();
        double t = s.target();
        double best = Double.POSITIVE_INFINITY;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = s.number(i).toDouble();
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double a = x[i];
                double b = x[j];
                best = Math.min(best, Math.abs(a + b - t));
                best = Math.min(best, Math.abs(a * b - t));
                best = Math.min(best, Math.abs(Math.abs(a - b) - t));
                if (b != 0) {
                    best = Math.min(best, Math.abs(a / b - t));
                }
                if (a != 0) {
                    best = Math.min(best, Math.abs(b / a - t));
                }
            }
        }
        double d = best / Math.max(1.0, t);
        double closeness = (0.1 - d) / (0.1 + d);
        double confidence = switch (n) {
            case 2 -> 1.0;
            case 3 -> 0.6;
            case 4 -> 0.4;
            default -> 0.25;
        };
        return Math.max(-1.0, Math.min(1.0, closeness * confidence));
    }

    @Override
    public int extraFeatureCount() {
        return CountdownFeatures.COUNT;
    }

    @Override
    public void extraFeatures(CountdownState state, float[] out, int offset) {
        CountdownFeatures.write(state, heuristicValue(state), out, offset);
    }

    /** The last step to the target is best; whole positive results beat fractions, zero and negatives. */
    @Override
    public double stepPreference(CountdownState state, Step<CountdownState> step) {
        CountdownState next = step.next();
        Rational r = next.number(0);
        if (next.isTerminal()) {
            return next.solved() ? 8.0 : 0.05;
        }
        if (!r.isInteger() || r.signum() <= 0) {
            return 0.3;
        }
        return r.isInteger(state.target()) ? 0.5 : 1.0;
    }

    /** The last number, e.g. {@code 952}; for a state that is not terminal, its numbers. */
    @Override
    public String answer(CountdownState state) {
        return state.isTerminal() ? state.number(0).toString() : state.numbersText();
    }

    @Override
    public String encodeState(CountdownState state) {
        return state.toString();
    }

    @Override
    public CountdownState decodeState(String text) throws InstanceParseException {
        return CountdownParser.decodeState(text);
    }

    @Override
    public String stateKey(CountdownState state) {
        return state.canonicalKey();
    }

    /** 160 generated instances for each n = 3..6 from a fixed seed: train 480, validation 80, test 80. */
    @Override
    public Dataset dataset() {
        return Holder.DATA.dataset();
    }

    /** A solution expression, e.g. {@code ((100 + 6) * 3 ...)}, for the generated instances; null for others. */
    @Override
    public String goldAnswer(String instanceText) {
        return Holder.DATA.gold().get(instanceText.strip());
    }

    /** The count of numbers, 3 to 6; NaN when the text is not an instance. */
    @Override
    public double instanceDifficulty(String instanceText) {
        try {
            return parseInstance(instanceText).size();
        } catch (InstanceParseException e) {
            return Double.NaN;
        }
    }
}
