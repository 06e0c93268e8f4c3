package org.rlmworkbench.runner.importer;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rlmworkbench.runner.problem.InstanceParseException;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Problems;
import org.rlmworkbench.runner.problem.Step;

/**
 * Checks a Tree-of-Thoughts Game of 24 answer with the workbench's own problem: the expression on
 * the output's last line (ToT reads the same line) is taken apart into binary operations, each
 * must be one of the problem's legal steps from the state so far, and the last state must earn
 * the problem's outcome reward. So every number is used exactly once and the arithmetic is exact.
 */
final class ExpressionVerifier {
    private static final Pattern STEP = Pattern.compile("^\\s*(\\S+)\\s*([-+*/])\\s*(\\S+)\\s*=\\s*(\\S+)");

    private final Problem<Object> problem;

    @SuppressWarnings("unchecked")
    private ExpressionVerifier(Problem<?> problem) {
        this.problem = (Problem<Object>) problem;
    }

    /** The verifier for a ToT task where the workbench has the problem on its class path. */
    static Optional<ExpressionVerifier> forTask(String task) {
        if (!"game24".equals(task)) {
            return Optional.empty();
        }
        return Problems.find("game24").map(ExpressionVerifier::new);
    }

    /** Whether {@code output} answers {@code instance}; false for anything unreadable. */
    boolean verify(String instance, String output) {
        String[] lines = output.strip().split("\n");
        String last = lines[lines.length - 1].toLowerCase(Locale.ROOT).replace("answer: ", "");
        String expression = last.split("=")[0];
        try {
            Object state = problem.parseInstance(instance);
            Parser p = new Parser(expression.replace('×', '*').replace('÷', '/'));
            Term t = p.expression();
            if (!p.atEnd()) {
                return false;
            }
            State s = new State(state);
            Fraction v = apply(t, s);
            return v != null && problem.isTerminal(s.value) && problem.outcomeReward(s.value) > 0;
        } catch (InstanceParseException | IllegalArgumentException | ArithmeticException e) {
            return false;
        }
    }

    private static final class State {
        Object value;

        State(Object value) {
            this.value = value;
        }
    }

    /** Applies the term's operations as problem steps, innermost first; null when one is not a legal step. */
    private Fraction apply(Term t, State s) {
        if (t instanceof Num n) {
            return n.value();
        }
        Op op = (Op) t;
        Fraction a = apply(op.left(), s);
        Fraction b = a == null ? null : apply(op.right(), s);
        if (b == null) {
            return null;
        }
        List<Step<Object>> steps = problem.steps(s.value);
        for (Step<Object> st : steps) {
            Matcher m = STEP.matcher(st.text());
            if (!m.find() || m.group(2).charAt(0) != op.symbol()) {
                continue;
            }
            Fraction x = Fraction.parse(m.group(1));
            Fraction y = Fraction.parse(m.group(3));
            boolean same = x.equals(a) && y.equals(b);
            boolean swapped = (op.symbol() == '+' || op.symbol() == '*') && x.equals(b) && y.equals(a);
            if (same || swapped) {
                s.value = st.next();
                return Fraction.parse(m.group(4));
            }
        }
        return null;
    }

    private sealed interface Term permits Num, Op {
    }

    private record Num(Fraction value) implements Term {
    }

    private record Op(char symbol, Term left, Term right) implements Term {
    }

    /** Recursive descent over + - * / and parentheses with whole numbers, as ToT's answers write them. */
    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        boolean atEnd() {
            skip();
            return i >= s.length();
        }

        Term expression() {
            Term t = product();
            while (peek('+') || peek('-')) {
                char c = s.charAt(i++);
                t = new Op(c, t, product());
            }
            return t;
        }

        private Term product() {
            Term t = atom();
            while (peek('*') || peek('/')) {
                char c = s.charAt(i++);
                t = new Op(c, t, atom());
            }
            return t;
        }

        private Term atom() {
            skip();
            if (peek('(')) {
                i++;
                Term t = expression();
                if (!peek(')')) {
                    throw new IllegalArgumentException("unbalanced parentheses");
                }
                i++;
                return t;
            }
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (start == i) {
                throw new IllegalArgumentException("expected a number at " + start);
            }
            return new Num(Fraction.parse(s.substring(start, i)));
        }

        private boolean peek(char c) {
            skip();
            return i < s.length() && s.charAt(i) == c;
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }

    /** An exact fraction read from step text such as {@code 24}, {@code -1} or {@code 3/2}. */
    record Fraction(BigInteger num, BigInteger den) {
        static Fraction parse(String text) {
            String t = text.replace("(", "").replace(")", "");
            int slash = t.indexOf('/');
            BigInteger n = new BigInteger(slash < 0 ? t : t.substring(0, slash));
            BigInteger d = slash < 0 ? BigInteger.ONE : new BigInteger(t.substring(slash + 1));
            if (d.signum() == 0) {
                throw new ArithmeticException("zero denominator");
            }
            if (d.signum() < 0) {
                n = n.negate();
                d = d.negate();
            }
            BigInteger g = n.gcd(d);
            return g.signum() == 0 ? new Fraction(n, d) : new Fraction(n.divide(g), d.divide(g));
        }
    }
}
