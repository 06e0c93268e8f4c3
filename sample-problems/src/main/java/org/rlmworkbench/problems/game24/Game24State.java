package org.rlmworkbench.problems.game24;

import java.util.Arrays;
import java.util.List;

/**
 * An immutable Game of 24 state: the multiset of numbers still to be combined.
 *
 * <p>Equality, {@link #hashCode()} and {@link #canonicalKey()} depend on the multiset only,
 * so {@code 24 8 2} and {@code 2 8 24} are the same state and search code may merge them.
 * The numbers are nevertheless kept in their display order (the instance's order, and after
 * each step the result first and then the untouched numbers in their previous order), because
 * step texts follow the Tree-of-Thoughts format {@code 4 * 6 = 24 (left: 24 8 2)} and a
 * replayed trace must print the same text. {@link #canonical()} gives the ascending order.
 */
public final class Game24State {

    /**
     * Largest {@link #sizeBits() size in bits} a state may have. With M(r) = max(|num|, den),
     * every operation gives M(a op b) &lt;= 2 M(a) M(b), so the bit length of a result is at most
     * the bit lengths of its operands plus one, and a state's size in bits never grows along a
     * step. Intermediate products stay below 2^(bits + 1), so within this budget no arithmetic
     * reachable from a state can overflow a {@code long}, and every reachable state is itself
     * within budget (so it can be decoded again). Four numbers 1..13 take 19 bits.
     */
    public static final int MAX_BITS = 60;

    /** Most numbers a state may hold; exhaustive search and overflow bounds assume it. */
    public static final int MAX_SIZE = 4;

    private final Rational[] numbers;
    private final int hash;

    private Game24State(Rational[] numbers) {
        this.numbers = numbers;
        this.hash = multisetHash(numbers);
    }

    /** The state holding {@code numbers} in this display order. */
    public static Game24State of(Rational... numbers) {
        if (numbers.length == 0 || numbers.length > MAX_SIZE) {
            throw new IllegalArgumentException("a state holds 1 to " + MAX_SIZE + " numbers, not " + numbers.length);
        }
        Rational[] copy = numbers.clone();
        for (Rational r : copy) {
            if (r == null) {
                throw new IllegalArgumentException("null number in a state");
            }
        }
        Game24State state = new Game24State(copy);
        if (state.sizeBits() > MAX_BITS) {
            throw new IllegalArgumentException("numbers too large for exact arithmetic: " + state
                    + " needs " + state.sizeBits() + " bits, at most " + MAX_BITS + " allowed");
        }
        return state;
    }

    /** The state holding these integers in this display order. */
    public static Game24State ofInts(int... values) {
        Rational[] rs = new Rational[values.length];
        for (int i = 0; i < values.length; i++) {
            rs[i] = Rational.of(values[i]);
        }
        return of(rs);
    }

    /**
     * The state after combining positions {@code i} and {@code j} into {@code result}: the result
     * first, then the other numbers in their order. Package-private: takes no defensive copies.
     */
    Game24State combine(int i, int j, Rational result) {
        Rational[] next = new Rational[numbers.length - 1];
        next[0] = result;
        int k = 1;
        for (int p = 0; p < numbers.length; p++) {
            if (p != i && p != j) {
                next[k++] = numbers[p];
            }
        }
        return new Game24State(next);
    }

    /**
     * The sum over the numbers of the bit length of max(|numerator|, denominator), plus one per
     * step still to take (size - 1); see {@link #MAX_BITS}.
     */
    public int sizeBits() {
        int bits = numbers.length - 1;
        for (Rational r : numbers) {
            long n = Math.abs(r.numerator());
            bits += n < 0 ? 64 : 64 - Long.numberOfLeadingZeros(Math.max(n, r.denominator()));
        }
        return bits;
    }

    public int size() {
        return numbers.length;
    }

    /** The number at display position {@code index}. */
    public Rational number(int index) {
        return numbers[index];
    }

    /** The numbers in display order. */
    public List<Rational> numbers() {
        return List.of(numbers);
    }

    /** Whether one number is left. */
    public boolean isTerminal() {
        return numbers.length == 1;
    }

    /** Whether two display positions hold equal numbers; steps() and randomNext() deduplicate then. */
    boolean hasRepeatedNumber() {
        for (int i = 0; i < numbers.length; i++) {
            for (int j = i + 1; j < numbers.length; j++) {
                if (numbers[i].equals(numbers[j])) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The same multiset in ascending order. */
    public Game24State canonical() {
        Rational[] sorted = numbers.clone();
        Arrays.sort(sorted);
        return Arrays.equals(sorted, numbers) ? this : new Game24State(sorted);
    }

    /** The multiset as ascending text, e.g. {@code 3/2 4}; equal states have equal keys. */
    public String canonicalKey() {
        return canonical().toString();
    }

    /** Numbers in display order separated by spaces, e.g. {@code 24 8 2}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(numbers.length * 4);
        for (int i = 0; i < numbers.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(numbers[i]);
        }
        return sb.toString();
    }

    /** Multiset equality: the same numbers with the same multiplicities, in any order. */
    @Override
    public boolean equals(Object obj) {
        if (this == obj) {
            return true;
        }
        if (!(obj instanceof Game24State other) || other.hash != hash || other.numbers.length != numbers.length) {
            return false;
        }
        // At most four numbers: quadratic matching beats sorting copies and allocates nothing
        // beyond one small bit mask.
        int used = 0;
        outer:
        for (Rational r : numbers) {
            for (int k = 0; k < other.numbers.length; k++) {
                if ((used & (1 << k)) == 0 && other.numbers[k].equals(r)) {
                    used |= 1 << k;
                    continue outer;
                }
            }
            return false;
        }
        return true;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** A hash that ignores order: a sum of well mixed element hashes. */
    private static int multisetHash(Rational[] numbers) {
        int h = numbers.length;
        for (Rational r : numbers) {
            int x = r.hashCode() * 0x9E3779B9;
            h += x ^ (x >>> 16);
        }
        return h;
    }
}
