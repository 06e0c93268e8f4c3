package org.rlmworkbench.problems.countdown;

import org.rlmworkbench.problems.game24.Rational;

/**
 * The six ways to combine the numbers {@code a} and {@code b} at positions {@code i < j}, in the
 * order steps are listed: subtraction and division in both directions, since the pair is unordered.
 */
enum CountdownOp {
    A_PLUS_B('+', false),
    A_TIMES_B('*', false),
    A_MINUS_B('-', false),
    B_MINUS_A('-', true),
    A_DIV_B('/', false),
    B_DIV_A('/', true);

    static final CountdownOp[] ALL = values();

    final char symbol;
    /** Written {@code b op a}. */
    final boolean swapped;

    CountdownOp(char symbol, boolean swapped) {
        this.symbol = symbol;
        this.swapped = swapped;
    }

    /**
     * The exact result, or {@code null} for a division by zero or a result too large for exact
     * 64-bit fractions (such a step is left out; with numbers up to 1000 it needs fractions
     * with denominators beyond 10^9, which no generated instance requires).
     */
    Rational apply(Rational a, Rational b) {
        try {
            return switch (this) {
                case A_PLUS_B -> a.add(b);
                case A_TIMES_B -> a.multiply(b);
                case A_MINUS_B -> a.subtract(b);
                case B_MINUS_A -> b.subtract(a);
                case A_DIV_B -> b.isZero() ? null : a.divide(b);
                case B_DIV_A -> a.isZero() ? null : b.divide(a);
            };
        } catch (ArithmeticException overflow) {
            return null;
        }
    }

    /** The result of {@code left symbol right} as written, or null (see {@link #apply}). */
    static Rational written(Rational left, char symbol, Rational right) {
        return switch (symbol) {
            case '+' -> A_PLUS_B.apply(left, right);
            case '*' -> A_TIMES_B.apply(left, right);
            case '-' -> A_MINUS_B.apply(left, right);
            case '/' -> A_DIV_B.apply(left, right);
            default -> throw new IllegalArgumentException("not an operation: " + symbol);
        };
    }
}
