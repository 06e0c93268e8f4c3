package org.rlmworkbench.problems.countdown;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rlmworkbench.problems.game24.Operation;
import org.rlmworkbench.problems.game24.Rational;
import org.rlmworkbench.runner.problem.InstanceParseException;
import org.rlmworkbench.runner.problem.StepParse;

/** Reads instances and states ({@code 25 50 75 100 3 6 -> 952}) and written steps. */
final class CountdownParser {

    static final long MAX_NUMBER = 1000;
    static final long MAX_TARGET = 100_000;

    private static final String NUM = "(-?\\d+(?:/\\d+)?)";
    private static final Pattern STEP = Pattern.compile(
            "^" + NUM + "\\s*([-+*/])\\s*" + NUM + "\\s*=\\s*" + NUM
                    + "\\s*(?:\\(\\s*left\\s*:\\s*([^)]*)\\))?\\s*[.;]?$", Pattern.CASE_INSENSITIVE);
    /** Numbering and bullets a model puts before a step: {@code 1.}, {@code Step 2:}, {@code -}. */
    private static final Pattern PREFIX = Pattern.compile("^(?:step\\s*\\d+\\s*[:.)]|\\d+\\s*[.)]|[-*\u2022])\\s+",
            Pattern.CASE_INSENSITIVE);

    private CountdownParser() {
    }

    static CountdownState parseInstance(String text) throws InstanceParseException {
        CountdownState s = parse(text, true);
        if (s.size() < CountdownGenerator.MIN_N) {
            throw new InstanceParseException("found only " + s.size() + " numbers in '" + text + "'; " + expectation());
        }
        return s;
    }

    static CountdownState decodeState(String text) throws InstanceParseException {
        return parse(text, false);
    }

    private static String expectation() {
        return "expected " + CountdownGenerator.MIN_N + " to " + CountdownState.MAX_SIZE
                + " whole numbers from 1 to " + MAX_NUMBER + ", then '->' and the target, e.g. '25 50 75 100 3 6 -> 952'";
    }

    private static CountdownState parse(String text, boolean instance) throws InstanceParseException {
        if (text == null || text.isBlank()) {
            throw new InstanceParseException("the text is empty; " + expectation());
        }
        int arrow = text.indexOf("->");
        if (arrow < 0) {
            throw new InstanceParseException("no '->' before the target in '" + text.strip() + "'; " + expectation());
        }
        String targetText = text.substring(arrow + 2).strip();
        long target;
        try {
            target = Long.parseLong(targetText);
        } catch (NumberFormatException e) {
            throw new InstanceParseException("the target '" + targetText + "' is not a whole number; " + expectation());
        }
        if (target < 1 || target > MAX_TARGET) {
            throw new InstanceParseException("the target " + target + " is out of range 1.." + MAX_TARGET);
        }
        String[] tokens = text.substring(0, arrow).strip().split("[\\s,]+");
        if (tokens.length == 1 && tokens[0].isEmpty()) {
            throw new InstanceParseException("no numbers before '->' in '" + text.strip() + "'; " + expectation());
        }
        if (tokens.length > CountdownState.MAX_SIZE) {
            throw new InstanceParseException("found " + tokens.length + " numbers in '" + text.strip() + "', at most "
                    + CountdownState.MAX_SIZE + " allowed; " + expectation());
        }
        List<Rational> numbers = new ArrayList<>();
        for (int k = 0; k < tokens.length; k++) {
            String t = tokens[k];
            Rational r;
            try {
                r = instance ? Rational.of(Long.parseLong(t)) : Rational.parse(t);
            } catch (NumberFormatException e) {
                throw new InstanceParseException("number " + (k + 1) + " '" + t + "' is not a "
                        + (instance ? "whole number" : "number") + "; " + expectation());
            }
            if (instance && (r.numerator() < 1 || r.numerator() > MAX_NUMBER)) {
                throw new InstanceParseException("number " + (k + 1) + " '" + t + "' is out of range; " + expectation());
            }
            numbers.add(r);
        }
        return CountdownState.of(target, numbers.toArray(new Rational[0]));
    }

    /** Replaces the signs models write ({@code × x ÷ −}) by {@code * / -} and drops numbering. */
    static String normalise(String text) {
        String t = text.strip()
                .replace('\u00d7', '*').replace('\u00f7', '/').replace('\u2212', '-').replace('\u2013', '-')
                .replace('\u22c5', '*').replace('\u00b7', '*');
        t = t.replaceAll("(?<=\\d)\\s*[xX]\\s*(?=\\d)", " * ");
        Matcher m = PREFIX.matcher(t);
        return m.find() ? t.substring(m.end()).strip() : t;
    }

    static StepParse<CountdownState> parseStep(CountdownState state, String raw) {
        String text = raw == null ? "" : normalise(raw);
        if (text.isEmpty()) {
            return StepParse.rejected(raw, "not a step: the text is empty");
        }
        if (state.isTerminal()) {
            return StepParse.rejected(raw, "no step is possible: every number has been used");
        }
        Matcher m = STEP.matcher(text);
        if (!m.matches()) {
            return StepParse.rejected(raw, "not a step: expected one operation on two of the numbers left, written like '"
                    + CountdownMoves.steps(state).get(0).text() + "'");
        }
        Rational left;
        Rational right;
        Rational written;
        try {
            left = Rational.parse(m.group(1));
            right = Rational.parse(m.group(3));
            written = Rational.parse(m.group(4));
        } catch (NumberFormatException | ArithmeticException e) {
            return StepParse.rejected(raw, "not a step: " + e.getMessage());
        }
        char sym = m.group(2).charAt(0);
        int i = indexOf(state, left, -1);
        if (i < 0) {
            return StepParse.rejected(raw, left + " is not among the numbers left (" + state.numbersText() + ")");
        }
        int j = indexOf(state, right, i);
        if (j < 0) {
            return StepParse.rejected(raw, indexOf(state, right, -1) >= 0
                    ? "uses " + right + " twice but only one " + right + " is left (" + state.numbersText() + ")"
                    : right + " is not among the numbers left (" + state.numbersText() + ")");
        }
        if (sym == '/' && right.isZero()) {
            return StepParse.rejected(raw, left + " / 0: division by zero");
        }
        Rational result = Operation.written(left, sym, right);
        if (result == null) {
            return StepParse.rejected(raw, left + " " + sym + " " + right + ": the result is too large to compute exactly");
        }
        if (!result.equals(written)) {
            return StepParse.rejected(raw, left + " " + sym + " " + right + " = " + written
                    + ": the arithmetic is wrong (" + left + " " + sym + " " + right + " = " + result + ")");
        }
        CountdownState next = state.combine(Math.min(i, j), Math.max(i, j), result);
        // combine() puts the result first and keeps the others in order, whichever operand came first.
        CountdownStep step = new CountdownStep(left, sym, right, next);
        if (m.group(5) != null) {
            String claimed = m.group(5).strip();
            try {
                CountdownState said = decodeState(claimed + " -> " + state.target());
                if (!said.equals(next)) {
                    return StepParse.rejected(raw, "the numbers left would be " + next.numbersText() + ", not " + claimed);
                }
            } catch (InstanceParseException e) {
                return StepParse.rejected(raw, "the numbers left '" + claimed + "' cannot be read: " + e.getMessage());
            }
        }
        return StepParse.accepted(raw, step);
    }

    private static int indexOf(CountdownState s, Rational value, int skip) {
        for (int k = 0; k < s.size(); k++) {
            if (k != skip && s.number(k).equals(value)) {
                return k;
            }
        }
        return -1;
    }
}
