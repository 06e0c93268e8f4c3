package org.rlmworkbench.problems.game24;

import org.rlmworkbench.runner.problem.Step;

/**
 * One Game of 24 step whose text is built only when asked for and then kept: search creates
 * many steps whose text nobody reads, and string building would dominate its cost.
 */
final class Game24Step implements Step<Game24State> {

    private final Game24State parent;
    private final int i;
    private final int j;
    private final Operation op;
    private final Game24State next;
    /** Memoised text; a benign race at worst builds the same immutable string twice. */
    private String text;

    Game24Step(Game24State parent, int i, int j, Operation op, Game24State next) {
        this.parent = parent;
        this.i = i;
        this.j = j;
        this.op = op;
        this.next = next;
    }

    /** The number the step computes; display order puts it first in the next state. */
    Rational result() {
        return next.number(0);
    }

    /**
     * Whether this step computes {@code x op y} with these operand values: in this order for
     * {@code -} and {@code /}, in either order for {@code +} and {@code *}.
     */
    boolean writes(char symbol, Rational x, Rational y) {
        if (symbol != op.symbol()) {
            return false;
        }
        Rational left = parent.number(op.swapped() ? j : i);
        Rational right = parent.number(op.swapped() ? i : j);
        boolean commutative = symbol == '+' || symbol == '*';
        return (left.equals(x) && right.equals(y)) || (commutative && left.equals(y) && right.equals(x));
    }

    @Override
    public Game24State next() {
        return next;
    }

    /** E.g. {@code 4 * 6 = 24 (left: 24 8 2)}, the Tree-of-Thoughts proposal format. */
    @Override
    public String text() {
        String t = text;
        if (t == null) {
            Rational left = parent.number(op.swapped() ? j : i);
            Rational right = parent.number(op.swapped() ? i : j);
            t = left + " " + op.symbol() + " " + right + " = " + result() + " (left: " + next + ")";
            text = t;
        }
        return t;
    }

    @Override
    public String toString() {
        return text();
    }
}
