package org.rlmworkbench.problems.wordmath;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.rlmworkbench.problems.game24.Rational;
import org.rlmworkbench.runner.problem.Dataset;
import org.rlmworkbench.runner.problem.InstanceParseException;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Prompts;
import org.rlmworkbench.runner.problem.Split;
import org.rlmworkbench.runner.problem.Step;
import org.rlmworkbench.runner.problem.StepParse;

/**
 * Arithmetic word problems in the manner of GSM8K, generated from templates with exact answers.
 * Steps are sentences with one equation each, written by a language model: the problem has no
 * step enumerator ({@link #enumerable()} is false), so a scheme runs on it only with a writer.
 * The verifier compares the final number; the process reward checks each equation's arithmetic
 * and whether its result is one the solution needs. Only generated problems can be checked
 * (their solutions are known), so an instance must come from the dataset.
 */
public final class WordMath implements Problem<WordState> {

    public static final String ID = "word-math";

    private static final class Holder {
        static final WordMathGenerator.Built DATA = WordMathGenerator.build();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Arithmetic word problems";
    }

    @Override
    public String description() {
        return "Grade-school arithmetic word problems (shopping, rates, ages, fractions) generated from templates with "
                + "varied wording and exact whole-number answers; difficulty is the number of operations, 2 to 8. Each "
                + "step is a sentence with one equation, 'She pays 4 × 3 = 12 dollars for the pens.', and the last says "
                + "'The answer is 12.' Steps cannot be listed, so schemes need a language model that writes them. The "
                + "verifier compares the final number; the process reward checks each equation and whether its result "
                + "is needed.";
    }

    /**
     * A problem of the dataset, by its exact text (white space aside).
     *
     * @throws InstanceParseException when the text is not a generated problem, whose answer alone is known
     */
    @Override
    public WordState parseInstance(String text) throws InstanceParseException {
        if (text == null || text.isBlank()) {
            throw new InstanceParseException("the text is empty: give one of the generated problems (workbench dataset "
                    + "--problem word-math)");
        }
        WordProblem p = Holder.DATA.byText().get(text.strip().replaceAll("\\s+", " "));
        if (p == null) {
            throw new InstanceParseException("not one of the generated word problems: word-math can check only problems "
                    + "whose solution it knows; pick one with 'workbench dataset --problem word-math --split test'");
        }
        return new WordState(p, List.of(), null);
    }

    /** The first four-operation problem of the test split. */
    @Override
    public String sampleInstance() {
        for (String t : dataset().test()) {
            if (Holder.DATA.byText().get(t).operations() == 4) {
                return t;
            }
        }
        return dataset().test().get(0);
    }

    @Override
    public boolean enumerable() {
        return false;
    }

    /** @throws UnsupportedOperationException always: the steps of a word problem are written, not listed */
    @Override
    public List<Step<WordState>> steps(WordState state) {
        throw new UnsupportedOperationException("word-math has no step enumerator: its steps are sentences written by a "
                + "language model (a writer)");
    }

    @Override
    public StepParse<WordState> parseStep(WordState state, String text) {
        return WordStepParser.parse(state, text);
    }

    /** The problem, then the steps so far, one per line. */
    @Override
    public String promptText(WordState s) {
        StringBuilder sb = new StringBuilder("Question: ").append(s.problem().text());
        for (WordState.WrittenStep step : s.steps()) {
            sb.append('\n').append(step.sentence());
        }
        return sb.toString();
    }

    @Override
    public Prompts prompts() {
        return WordMathPrompts.PROMPTS;
    }

    @Override
    public boolean isTerminal(WordState state) {
        return state.isTerminal();
    }

    /** +1 when the final number equals the answer, -1 otherwise (no answer, or too many steps). */
    @Override
    public double outcomeReward(WordState state) {
        return state.correct() ? 1.0 : -1.0;
    }

    /**
     * -1 when any equation's arithmetic is wrong or the final answer is wrong, +1 for a right
     * answer; otherwise (n - u) / (n + u) for n steps whose result the solution needs and u steps
     * whose result it does not, and 0 before any step.
     */
    @Override
    public OptionalDouble processReward(WordState s) {
        for (WordState.WrittenStep step : s.steps()) {
            if (!step.equation().arithmeticRight()) {
                return OptionalDouble.of(-1.0);
            }
        }
        if (s.answer() != null) {
            return OptionalDouble.of(outcomeReward(s));
        }
        if (s.steps().isEmpty()) {
            return OptionalDouble.of(0.0);
        }
        int needed = 0;
        for (WordState.WrittenStep step : s.steps()) {
            if (needed(s.problem(), step.equation().result())) {
                needed++;
            }
        }
        int unneeded = s.steps().size() - needed;
        return OptionalDouble.of((needed - unneeded) / (double) (needed + unneeded));
    }

    private static boolean needed(WordProblem p, Rational value) {
        for (Equation e : p.solution()) {
            if (e.result().equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** Without the solution: a final answer that repeats the last result computed is more plausible than one that does not. */
    @Override
    public double heuristicValue(WordState s) {
        if (s.answer() == null) {
            return 0.0;
        }
        if (s.steps().isEmpty()) {
            return -0.5;
        }
        return s.steps().get(s.steps().size() - 1).equation().result().equals(s.answer()) ? 0.3 : -0.3;
    }

    /** The final number, e.g. {@code 28}; empty before the answer. */
    @Override
    public String answer(WordState s) {
        return s.answer() == null ? "" : s.answer().toString();
    }

    /** The problem, then {@code || Step: ...} per step and {@code || Answer: N}. */
    @Override
    public String encodeState(WordState s) {
        StringBuilder sb = new StringBuilder(s.problem().text());
        for (WordState.WrittenStep step : s.steps()) {
            sb.append(" || Step: ").append(step.sentence());
        }
        if (s.answer() != null) {
            sb.append(" || Answer: ").append(s.answer());
        }
        return sb.toString();
    }

    /** Reads {@link #encodeState}; each step is read again by {@link #parseStep} and must be accepted. */
    @Override
    public WordState decodeState(String text) throws InstanceParseException {
        String[] parts = text.split(" \\|\\| ");
        WordState s = parseInstance(parts[0]);
        for (int k = 1; k < parts.length; k++) {
            String part = parts[k];
            String body = part.startsWith("Step: ") ? part.substring(6) : part.startsWith("Answer: ")
                    ? "The answer is " + part.substring(8) : null;
            if (body == null) {
                throw new InstanceParseException("cannot read '" + part + "': expected 'Step: ...' or 'Answer: ...'");
            }
            StepParse<WordState> p = parseStep(s, body);
            if (p instanceof StepParse.Rejected<WordState> r) {
                throw new InstanceParseException("step " + k + " '" + body + "': " + r.reason());
            }
            s = ((StepParse.Accepted<WordState>) p).step().next();
        }
        return s;
    }

    /** 80 problems for each operation count 2..8 from a fixed seed: train 420, validation 70, test 70. */
    @Override
    public Dataset dataset() {
        return Holder.DATA.dataset();
    }

    @Override
    public String goldAnswer(String instanceText) {
        WordProblem p = Holder.DATA.byText().get(instanceText.strip());
        return p == null ? null : Long.toString(p.answer());
    }

    @Override
    public double instanceDifficulty(String instanceText) {
        WordProblem p = Holder.DATA.byText().get(instanceText.strip());
        return p == null ? Double.NaN : p.operations();
    }

    /** The generated problem behind an instance text, with its solution; null for other text. */
    public WordProblem problem(String instanceText) {
        return Holder.DATA.byText().get(instanceText.strip());
    }

    /** Every generated problem by text (for tests and tools). */
    static Map<String, WordProblem> all() {
        return Holder.DATA.byText();
    }

    static List<String> split(Split split) {
        return Holder.DATA.dataset().split(split);
    }
}
