package org.rlmworkbench.problems.wordmath;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rlmworkbench.problems.game24.Rational;
import org.rlmworkbench.runner.problem.Step;
import org.rlmworkbench.runner.problem.StepParse;

/**
 * Reads a written step: a sentence with exactly one equation of one operation
 * ({@code She pays 4 × 3 = 12 dollars for the pens.}), or the final answer ({@code The answer
 * is 28.}, {@code #### 28} as in GSM8K). Lenient on signs (× x · ÷ − and dollar signs, thousands
 * commas); strict on the arithmetic and on where the numbers come from: each operand must be in
 * the problem, the result of an earlier step, or one of the small constants 1, 2, 10 and 100.
 */
final class WordStepParser {

    private static final String NUM = "(-?\\d+(?:\\.\\d+)?(?:/\\d+)?)";
    private static final Pattern EQUATION = Pattern.compile(NUM + "\\s*([-+*/])\\s*" + NUM + "\\s*=\\s*" + NUM);
    private static final Pattern FINAL = Pattern.compile(
            "^(?:so,? |therefore,? |thus,? )?(?:the (?:final )?answer is|answer:|####)\\s*\\$?" + NUM + "\\b.*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final long[] CONSTANTS = {1, 2, 10, 100};

    private WordStepParser() {
    }

    /** Model spellings to plain ASCII arithmetic. */
    static String normalise(String raw) {
        return raw.strip().replaceAll("\\s+", " ")
                .replace('\u00d7', '*').replace('\u00f7', '/').replace('\u2212', '-').replace('\u2013', '-')
                .replace('\u00b7', '*').replace('\u22c5', '*')
                .replaceAll("(?<=\\d)\\s*[xX]\\s*(?=\\$?\\d)", " * ")
                .replace("$", "")
                .replaceAll("(?<=\\d),(?=\\d{3}\\b)", "");
    }

    static StepParse<WordState> parse(WordState s, String raw) {
        String t = raw == null ? "" : normalise(raw);
        if (t.isEmpty()) {
            return StepParse.rejected(raw, "not a step: the text is empty");
        }
        if (s.isTerminal()) {
            return StepParse.rejected(raw, s.answer() != null ? "no step is possible: the answer has been given"
                    : "no step is possible: the " + WordState.MAX_STEPS + " steps allowed are used up");
        }
        Matcher f = FINAL.matcher(t);
        if (f.matches()) {
            Rational value;
            try {
                value = number(f.group(1));
            } catch (NumberFormatException e) {
                return StepParse.rejected(raw, "cannot read the answer '" + f.group(1) + "'");
            }
            return StepParse.accepted(raw, Step.of("The answer is " + value + ".", s.answered(value)));
        }
        int equals = t.length() - t.replace("=", "").length();
        if (equals == 0) {
            return StepParse.rejected(raw, "a step states exactly one equation, like 'She pays 4 × 3 = 12 dollars for "
                    + "the pens.', or the final answer, like 'The answer is 12.'; this text has no equation");
        }
        if (equals > 1) {
            return StepParse.rejected(raw, "a step states exactly one equation; this text has " + equals
                    + " ('=' appears " + equals + " times): write one per step");
        }
        Matcher m = EQUATION.matcher(t);
        if (!m.find()) {
            int at = t.indexOf('=');
            String around = t.substring(Math.max(0, at - 25), Math.min(t.length(), at + 15)).strip();
            return StepParse.rejected(raw, "the equation near '" + around + "' is not one operation on two numbers "
                    + "(like '4 × 3 = 12'); a step does one operation");
        }
        if (m.start() > 0 && t.substring(0, m.start()).matches(".*\\d\\s*[-+*/]\\s*$")) {
            Matcher chain = Pattern.compile("[\\d\\s.+\\-*/()]+$").matcher(t.substring(0, t.indexOf('=')));
            String written = (chain.find() ? chain.group().strip() : "") + " = " + m.group(4);
            return StepParse.rejected(raw, "the equation '" + written.strip() + "' has more than one operation; a step does one");
        }
        Equation eq;
        try {
            eq = new Equation(number(m.group(1)), m.group(2).charAt(0), number(m.group(3)), number(m.group(4)));
        } catch (NumberFormatException | ArithmeticException e) {
            return StepParse.rejected(raw, "cannot read the numbers of '" + m.group() + "'");
        }
        Rational correct = eq.correct();
        if (correct == null) {
            return StepParse.rejected(raw, m.group() + ": division by zero");
        }
        for (Rational operand : List.of(eq.left(), eq.right())) {
            if (!available(s, operand)) {
                return StepParse.rejected(raw, operand + " is neither in the problem nor the result of an earlier step");
            }
        }
        if (!eq.arithmeticRight()) {
            return StepParse.rejected(raw, shown(eq) + ": the arithmetic is wrong (" + shown(new Equation(eq.left(), eq.op(),
                    eq.right(), correct)) + ")");
        }
        String sentence = raw.strip().replaceAll("\\s+", " ");
        return StepParse.accepted(raw, Step.of(sentence, s.with(new WordState.WrittenStep(sentence, eq))));
    }

    private static String shown(Equation e) {
        return e.left() + " " + e.op() + " " + e.right() + " = " + e.result();
    }

    /** A whole number, a decimal or a fraction as an exact rational. */
    static Rational number(String text) {
        int dot = text.indexOf('.');
        if (dot >= 0 && text.indexOf('/') < 0) {
            String frac = text.substring(dot + 1);
            long scale = (long) Math.pow(10, frac.length());
            long whole = Long.parseLong(text.substring(0, dot));
            long part = Long.parseLong(frac);
            return Rational.of(whole * scale + (text.startsWith("-") ? -part : part), scale);
        }
        return Rational.parse(text);
    }

    /** The numbers written in the problem text. */
    static List<Rational> given(WordProblem p) {
        List<Rational> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(p.text().replaceAll("(?<=\\d),(?=\\d{3}\\b)", ""));
        while (m.find()) {
            out.add(number(m.group()));
        }
        return out;
    }

    private static boolean available(WordState s, Rational x) {
        for (long c : CONSTANTS) {
            if (x.isInteger(c)) {
                return true;
            }
        }
        if (given(s.problem()).contains(x)) {
            return true;
        }
        for (WordState.WrittenStep step : s.steps()) {
            if (step.equation().result().equals(x)) {
                return true;
            }
        }
        return false;
    }
}
