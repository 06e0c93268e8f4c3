package org.rlmworkbench.problems.wordmath;

import org.rlmworkbench.problems.game24.Rational;

/**
 * One arithmetic operation as written in a step: {@code left op right = result}.
 *
 * @param left the first operand
 * @param op {@code + - * /}
 * @param right the second operand
 * @param result the result as written (which may be wrong)
 */
public record Equation(Rational left, char op, Rational right, Rational result) {

    static Equation of(long a, char op, long b, long r) {
        return new Equation(Rational.of(a), op, Rational.of(b), Rational.of(r));
    }

    /** The true result, or null for a division by zero. */
    Rational correct() {
        try {
            return switch (op) {
                case '+' -> left.add(right);
                case '-' -> left.subtract(right);
                case '*' -> left.multiply(right);
                case '/' -> right.isZero() ? null : left.divide(right);
                default -> null;
            };
        } catch (ArithmeticException overflow) {
            return null;
        }
    }

    boolean arithmeticRight() {
        return result.equals(correct());
    }

    @Override
    public String toString() {
        return left + " " + (op == '*' ? '\u00d7' : op == '/' ? '\u00f7' : op) + " " + right + " = " + result;
    }
}
