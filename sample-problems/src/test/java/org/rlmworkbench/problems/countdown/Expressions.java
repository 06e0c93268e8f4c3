package org.rlmworkbench.problems.countdown;

import java.util.ArrayList;
import java.util.List;
import org.rlmworkbench.problems.game24.Rational;

/** A tiny exact evaluator of gold expressions such as {@code (100 + 6) * 3}, for the tests; independent of the problem's code. */
final class Expressions {

    private final String text;
    private int pos;
    final List<Long> numbers = new ArrayList<>();

    private Expressions(String text) {
        this.text = text.replace(" ", "");
    }

    /** The value, and the numbers used in order, of an expression with + - * / and parentheses. */
    static Expressions evaluate(String text, Rational[] value) {
        Expressions e = new Expressions(text);
        value[0] = e.sum();
        if (e.pos != e.text.length()) {
            throw new IllegalArgumentException("trailing text in " + text);
        }
        return e;
    }

    private Rational sum() {
        Rational v = product();
        while (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
            char op = text.charAt(pos++);
            Rational r = product();
            v = op == '+' ? v.add(r) : v.subtract(r);
        }
        return v;
    }

    private Rational product() {
        Rational v = atom();
        while (pos < text.length() && (text.charAt(pos) == '*' || text.charAt(pos) == '/')) {
            char op = text.charAt(pos++);
            Rational r = atom();
            v = op == '*' ? v.multiply(r) : v.divide(r);
        }
        return v;
    }

    private Rational atom() {
        if (text.charAt(pos) == '(') {
            pos++;
            Rational v = sum();
            pos++;
            return v;
        }
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        long n = Long.parseLong(text.substring(start, pos));
        numbers.add(n);
        return Rational.of(n);
    }
}
