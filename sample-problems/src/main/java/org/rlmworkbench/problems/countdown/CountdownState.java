package org.rlmworkbench.problems.countdown;

import java.util.Arrays;
import java.util.List;
import org.rlmworkbench.problems.game24.Rational;

/**
 * An immutable Countdown state: the numbers still to be combined, in display order (the
 * instance's order, and after each step the result first), and the target. Equality ignores the
 * order of the numbers, so states with the same multiset merge.
 */
public final class CountdownState {

    /** Most numbers an instance may hold. */
    public static final int MAX_SIZE = 6;

    private final Rational[] numbers;
    private final long target;

    private CountdownState(Rational[] numbers, long target) {
        this.numbers = numbers;
        this.target = target;
    }

    /** The state holding {@code numbers} in this display order, aiming at {@code target}. */
    public static CountdownState of(long target, Rational... numbers) {
        if (numbers.length == 0 || numbers.length > MAX_SIZE) {
            throw new IllegalArgumentException("a state holds 1 to " + MAX_SIZE + " numbers, not " + numbers.length);
        }
        return new CountdownState(numbers.clone(), target);
    }

    /** The state holding these whole numbers, aiming at {@code target}. */
    public static CountdownState ofInts(long target, long... values) {
        Rational[] rs = new Rational[values.length];
        for (int i = 0; i < values.length; i++) {
            rs[i] = Rational.of(values[i]);
        }
        return of(target, rs);
    }

    /** The state after replacing positions {@code i} and {@code j} by {@code result} (put first). */
    CountdownState combine(int i, int j, Rational result) {
        Rational[] next = new Rational[numbers.length - 1];
        next[0] = result;
        int k = 1;
        for (int p = 0; p < numbers.length; p++) {
            if (p != i && p != j) {
                next[k++] = numbers[p];
            }
        }
        return new CountdownState(next, target);
    }

    public int size() {
        return numbers.length;
    }

    public Rational number(int index) {
        return numbers[index];
    }

    public List<Rational> numbers() {
        return List.of(numbers);
    }

    public long target() {
        return target;
    }

    /** One number left: every number has been used (TinyZero's rule), so nothing more can happen. */
    public boolean isTerminal() {
        return numbers.length == 1;
    }

    /** Whether the last number is the target. */
    public boolean solved() {
        return isTerminal() && numbers[0].isInteger(target);
    }

    /** The numbers in display order, e.g. {@code 75 100 3 6}. */
    public String numbersText() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < numbers.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(numbers[i]);
        }
        return sb.toString();
    }

    /** Ascending numbers and the target; equal states have equal keys. */
    public String canonicalKey() {
        Rational[] sorted = numbers.clone();
        Arrays.sort(sorted);
        StringBuilder sb = new StringBuilder();
        for (Rational r : sorted) {
            sb.append(r).append(' ');
        }
        return sb.append("-> ").append(target).toString();
    }

    /** {@code 25 50 75 100 3 6 -> 952}, the instance format. */
    @Override
    public String toString() {
        return numbersText() + " -> " + target;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CountdownState s && s.target == target && s.canonicalKey().equals(canonicalKey());
    }

    @Override
    public int hashCode() {
        return canonicalKey().hashCode();
    }
}
