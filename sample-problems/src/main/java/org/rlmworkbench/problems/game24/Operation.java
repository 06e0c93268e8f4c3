package org.rlmworkbench.problems.game24;

/**
 * The six ways to combine the numbers {@code a} and {@code b} at positions {@code i < j}, in the
 * order in which steps are listed. Subtraction and division come in both directions because the
 * pair is unordered; addition and multiplication need only one. Shared by the problems that
 * combine numbers pairwise (Game of 24, Countdown).
 */
public enum Operation {
    A_PLUS_B('+', false),
    A_TIMES_B('*', false),
    A_MINUS_B('-', false),
    B_MINUS_A('-', true),
    A_DIV_B('/', false),
    B_DIV_A('/', true);

    /** Shared so that hot loops do not clone {@code values()} on every call. */
    public static final Operation[] ALL = values();

    private final char symbol;
    private final boolean swapped;

    Operation(char symbol, boolean swapped) {
        this.symbol = symbol;
        this.swapped = swapped;
    }

    public char symbol() {
        return symbol;
    }

    /** Whether the operation is written {@code b op a}. */
    public boolean swapped() {
        return swapped;
    }

    /**
     * Whether the operation repeats another one when {@code a == b}: then {@code b - a} is
     * {@code a - b} and {@code b / a} is {@code a / b}, with the same text and result.
     */
    boolean redundantForEqualOperands() {
        return swapped;
    }

    /**
     * The exact result, or {@code null} for a division by zero or a result too large for exact
     * 64-bit fractions (such a step is left out; Countdown's numbers up to 1000 can reach that,
     * Game of 24's cannot).
     */
    public Rational apply(Rational a, Rational b) {
        try {
            return switch (this) {
                case A_PLUS_B -> a.add(b);
                case A_TIMES_B -> a.multiply(b);
                case A_MINUS_B -> a.subtract(b);
                case B_MINUS_A -> b.subtract(a);
                case A_DIV_B -> a.divide(b);
                case B_DIV_A -> b.divide(a);
            };
        } catch (ArithmeticException overflow) {
            return null;
        }
    }

    /** The result of {@code left symbol right} as written, or null (see {@link #apply}). */
    public static Rational written(Rational left, char symbol, Rational right) {
        return switch (symbol) {
            case '+' -> A_PLUS_B.apply(left, right);
            case '*' -> A_TIMES_B.apply(left, right);
            case '-' -> A_MINUS_B.apply(left, right);
            case '/' -> A_DIV_B.apply(left, right);
            default -> throw new IllegalArgumentException("not an operation: " + symbol);
        };
    }
}
