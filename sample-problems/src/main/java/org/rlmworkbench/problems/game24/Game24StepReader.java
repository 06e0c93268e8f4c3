package org.rlmworkbench.problems.game24;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rlmworkbench.runner.problem.Step;
import org.rlmworkbench.runner.problem.StepParse;

/**
 * Reads a Game of 24 step written as free text by a model, e.g. {@code 13 - 9 = 4 (left: 4 10)}.
 *
 * <p>Lenient on surface form: any spacing, {@code x}, {@code X}, {@code ×}, {@code ·} or
 * {@code ∗} for {@code *}, {@code ÷} for {@code /}, a Unicode minus, a decimal for an exact
 * fraction ({@code 1.5} for {@code 3/2}), {@code 6/4} read as the division {@code 6 / 4}, the
 * equation written backwards ({@code 24 = 4 * 6}), parentheses around the two operands, a
 * leading {@code Step 1:} or list bullet, the numbers after {@code left:} in any order or with
 * commas, and the {@code (left: ...)} part left out (it is then computed).
 *
 * <p>Strict on content: exactly one equation combining exactly two of the numbers left, the
 * arithmetic exact, and a {@code left:} list, when written, naming exactly the numbers that
 * remain. Every rejection says why in words a person understands.
 */
final class Game24StepReader {

    /** {@code (left: ...}, {@code left ...}, case-insensitive; what follows is the list. */
    private static final Pattern LEFT = Pattern.compile("\\(?\\s*left\\s*:?", Pattern.CASE_INSENSITIVE);
    /** {@code Step 1:}, {@code 1.}, {@code 2)} or a bullet at the very start. */
    private static final Pattern PREFIX = Pattern.compile(
            "^\\s*(?:step\\s*\\d*\\s*[:.)]|\\d+\\s*[.)]\\s|[-*•]\\s)\\s*", Pattern.CASE_INSENSITIVE);

    private Game24StepReader() {
    }

    /** A number as written and its exact value. */
    private record Num(String written, Rational value) {
    }

    /** A rejection on the way; its message is the reason. */
    private static final class Reject extends Exception {
        Reject(String reason) {
            super(reason, null, false, false);
        }
    }

    static StepParse<Game24State> read(Game24State state, String raw) {
        try {
            return StepParse.accepted(raw, step(state, raw));
        } catch (Reject r) {
            return StepParse.rejected(raw, r.getMessage());
        }
    }

    private static Step<Game24State> step(Game24State state, String raw) throws Reject {
        String text = raw == null ? "" : normaliseSymbols(raw).strip();
        if (text.isEmpty()) {
            throw new Reject("not a step: the text is empty");
        }
        if (text.indexOf('\n') >= 0) {
            throw new Reject("not a step: it runs over several lines; a step is one line like 13 - 9 = 4 (left: 4 10)");
        }
        if (state.isTerminal()) {
            throw new Reject("no step is possible: the only number left is " + state);
        }
        text = PREFIX.matcher(text).replaceFirst("");
        String equation = text;
        String leftList = null;
        Matcher m = LEFT.matcher(text);
        if (m.find()) {
            equation = text.substring(0, m.start());
            leftList = text.substring(m.end());
        }
        if (equation.indexOf('=') < 0) {
            throw new Reject("not a step: no equation found");
        }
        String[] sides = equation.split("=", -1);
        if (sides.length > 2) {
            throw new Reject("'" + equation.strip() + "' chains several equations; a step is one equation like 13 - 9 = 4");
        }
        List<Object> lhs = tokens(sides[0]);
        List<Object> rhs = tokens(sides[1]);
        if (countOps(lhs) == 0 && countOps(rhs) > 0) {
            List<Object> t = lhs;
            lhs = rhs;
            rhs = t;
        }
        lhs = unwrap(lhs);
        if (lhs.size() == 1 && lhs.get(0) instanceof Num n && isWrittenFraction(n.written())) {
            // "6/4 = 3/2": a division written without spaces, not the fraction 6/4.
            int slash = n.written().indexOf('/');
            lhs = List.of(number(n.written().substring(0, slash)), '/', number(n.written().substring(slash + 1)));
        }
        if (lhs.isEmpty() || rhs.isEmpty()) {
            throw new Reject("not a step: '" + equation.strip() + "' has nothing on one side of '='");
        }
        if (rhs.size() != 1 || !(rhs.get(0) instanceof Num result)) {
            throw new Reject("the result of '" + equation.strip() + "' must be one number, not '"
                    + sides[1].strip() + "'");
        }
        int ops = countOps(lhs);
        if (ops == 0) {
            throw new Reject("not a step: '" + equation.strip() + "' computes nothing; a step combines two numbers"
                    + " with + - * or /");
        }
        if (ops > 1 || lhs.size() != 3 || !(lhs.get(0) instanceof Num a) || !(lhs.get(2) instanceof Num b)
                || !(lhs.get(1) instanceof Character op)) {
            throw new Reject("'" + sides[0].strip() + "' combines more than two numbers; a step combines exactly two,"
                    + " like 13 - 9 = 4");
        }
        checkAvailable(state, a.value(), b.value());
        Rational correct = apply(op, a.value(), b.value());
        String shown = a.written() + " " + op + " " + b.written();
        if (correct == null) {
            throw new Reject(shown + ": division by zero");
        }
        if (!correct.equals(result.value())) {
            throw new Reject(shown + " = " + result.written() + ": the arithmetic is wrong (" + shown + " = " + correct
                    + ")");
        }
        Game24Step chosen = null;
        for (Step<Game24State> s : Game24Moves.steps(state)) {
            Game24Step g = (Game24Step) s;
            if (g.writes(op, a.value(), b.value())) {
                chosen = g;
                break;
            }
        }
        if (chosen == null) {
            // Unreachable while steps() lists every legal step; kept as a plain rejection, not a crash.
            throw new Reject(shown + " is not one of the legal steps from " + state);
        }
        if (leftList != null) {
            checkLeft(leftList, chosen.next(), shown + " = " + correct);
        }
        return chosen;
    }

    /** Unicode operators and minus signs to ASCII; {@code x} between numbers to {@code *}. */
    private static String normaliseSymbols(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '×', '·', '∗', '⋅' -> b.append('*');
                case '÷', '∕' -> b.append('/');
                case '−', '–', '—' -> b.append('-');
                case '\r' -> { }
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Numbers ({@link Num}), operators and parentheses ({@link Character}) of one side of the equation. */
    private static List<Object> tokens(String side) throws Reject {
        List<Object> out = new ArrayList<>();
        int i = 0;
        int n = side.length();
        while (i < n) {
            char c = side.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c) || (c == '-' && signAllowed(out) && i + 1 < n
                    && (Character.isDigit(side.charAt(i + 1)) || side.charAt(i + 1) == '.'))
                    || (c == '.' && i + 1 < n && Character.isDigit(side.charAt(i + 1)))) {
                int start = i;
                i++;
                while (i < n && (Character.isDigit(side.charAt(i)) || side.charAt(i) == '.')) {
                    i++;
                }
                // A fraction literal: a slash with digits right after it and no space on either side.
                if (i + 1 < n && side.charAt(i) == '/' && Character.isDigit(side.charAt(i + 1))) {
                    i++;
                    while (i < n && Character.isDigit(side.charAt(i))) {
                        i++;
                    }
                }
                out.add(number(side.substring(start, i)));
            } else if (c == '+' || c == '-' || c == '*' || c == '/' || c == '(' || c == ')') {
                out.add(c);
                i++;
            } else if ((c == 'x' || c == 'X') && !out.isEmpty()) {
                out.add('*');
                i++;
            } else {
                throw new Reject("not a step: unexpected '" + c + "' in '" + side.strip() + "'");
            }
        }
        return out;
    }

    /** A minus starts a negative number at the start, after an operator or after an opening parenthesis. */
    private static boolean signAllowed(List<Object> before) {
        if (before.isEmpty()) {
            return true;
        }
        Object last = before.get(before.size() - 1);
        return last instanceof Character ch && ch != ')';
    }

    private static Num number(String written) throws Reject {
        try {
            if (written.indexOf('.') >= 0) {
                if (written.indexOf('/') >= 0) {
                    throw new NumberFormatException();
                }
                BigDecimal d = new BigDecimal(written);
                BigInteger unscaled = d.unscaledValue();
                if (d.scale() > 18 || unscaled.bitLength() > 62) {
                    throw new NumberFormatException();
                }
                return new Num(written, Rational.of(unscaled.longValueExact(), BigInteger.TEN.pow(Math.max(0,
                        d.scale())).longValueExact()));
            }
            return new Num(written, Rational.parse(written));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new Reject("not a step: '" + written + "' is not a number like 7, -3, 3/2 or 1.5");
        }
    }

    private static boolean isWrittenFraction(String written) {
        return written.matches("\\d+/\\d+");
    }

    /** Drops parentheses around the whole side, e.g. {@code (4 + 6)}. */
    private static List<Object> unwrap(List<Object> t) {
        while (t.size() >= 2 && Character.valueOf('(').equals(t.get(0))
                && Character.valueOf(')').equals(t.get(t.size() - 1))) {
            t = t.subList(1, t.size() - 1);
        }
        return t;
    }

    private static int countOps(List<Object> t) {
        int ops = 0;
        for (Object o : t) {
            if (o instanceof Character c && c != '(' && c != ')') {
                ops++;
            }
        }
        return ops;
    }

    private static void checkAvailable(Game24State state, Rational a, Rational b) throws Reject {
        int countA = count(state, a);
        if (countA == 0) {
            throw new Reject("uses " + a + ", which is not among the numbers left (" + state + ")");
        }
        if (a.equals(b)) {
            if (countA < 2) {
                throw new Reject("uses " + a + " twice, but only one " + a + " is left (" + state + ")");
            }
        } else if (count(state, b) == 0) {
            throw new Reject("uses " + b + ", which is not among the numbers left (" + state + ")");
        }
    }

    private static int count(Game24State state, Rational r) {
        int c = 0;
        for (int i = 0; i < state.size(); i++) {
            if (state.number(i).equals(r)) {
                c++;
            }
        }
        return c;
    }

    private static Rational apply(char op, Rational a, Rational b) {
        return switch (op) {
            case '+' -> a.add(b);
            case '-' -> a.subtract(b);
            case '*' -> a.multiply(b);
            default -> a.divide(b);
        };
    }

    /** The written list after {@code left:} must hold the numbers that remain, in any order. */
    private static void checkLeft(String list, Game24State next, String equation) throws Reject {
        String body = list.strip();
        int close = body.indexOf(')');
        if (close >= 0) {
            String after = body.substring(close + 1).strip();
            if (!after.isEmpty() && !after.equals(".")) {
                throw new Reject("not a step: unexpected text after the numbers left: '" + after + "'");
            }
            body = body.substring(0, close);
        }
        List<Rational> written = new ArrayList<>();
        for (String tok : body.split("[\\s,]+")) {
            if (!tok.isEmpty()) {
                written.add(number(tok).value());
            }
        }
        List<Rational> actual = new ArrayList<>(next.numbers());
        List<Rational> rest = new ArrayList<>(written);
        boolean same = written.size() == actual.size();
        for (Rational r : actual) {
            same &= rest.remove(r);
        }
        if (!same) {
            String wrote = written.isEmpty() ? "nothing" : join(written);
            throw new Reject("the numbers left are wrong: after " + equation + " they are " + next + ", not "
                    + wrote);
        }
    }

    private static String join(List<Rational> rs) {
        StringBuilder b = new StringBuilder();
        for (Rational r : rs) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(r);
        }
        return b.toString();
    }
}
