package org.rlmworkbench.problems.game24;

/**
 * An exact rational number on a {@code long} numerator and denominator, always in lowest terms
 * with a positive denominator, so that equal values have equal fields.
 *
 * <p>This is the hot path of search benchmarks, so the class avoids allocation where it can:
 * small integers come from a cache, an operation whose result is one of its operands returns
 * that operand, and division by zero returns {@code null} instead of throwing (search code
 * checks for it on every candidate step, and an exception there would be costly). Overflow is
 * not silent: every operation throws {@link ArithmeticException} when a {@code long} would
 * overflow, which cannot happen for Game of 24 values (see {@link Game24State#MAX_BITS}).
 */
public final class Rational implements Comparable<Rational> {

    private static final int CACHE_MIN = -512;
    private static final int CACHE_MAX = 2048;
    private static final Rational[] CACHE = new Rational[CACHE_MAX - CACHE_MIN + 1];

    static {
        for (int i = CACHE_MIN; i <= CACHE_MAX; i++) {
            CACHE[i - CACHE_MIN] = new Rational(i, 1);
        }
    }

    public static final Rational ZERO = of(0);
    public static final Rational ONE = of(1);
    public static final Rational TWENTY_FOUR = of(24);

    private final long num;
    private final long den;

    private Rational(long num, long den) {
        this.num = num;
        this.den = den;
    }

    /** The integer {@code value}. */
    public static Rational of(long value) {
        if (value >= CACHE_MIN && value <= CACHE_MAX) {
            return CACHE[(int) value - CACHE_MIN];
        }
        return new Rational(value, 1);
    }

    /**
     * The fraction {@code num / den} in lowest terms.
     *
     * @throws ArithmeticException when {@code den} is zero
     */
    public static Rational of(long num, long den) {
        if (den == 0) {
            throw new ArithmeticException("zero denominator in " + num + "/" + den);
        }
        return normalised(num, den);
    }

    /** Reduces by the gcd and moves the sign to the numerator; {@code den} must not be zero. */
    private static Rational normalised(long num, long den) {
        if (den < 0) {
            num = Math.negateExact(num);
            den = Math.negateExact(den);
        }
        if (den != 1) {
            long g = gcd(Math.abs(num), den);
            if (g != 1) {
                num /= g;
                den /= g;
            }
        }
        return den == 1 ? of(num) : new Rational(num, den);
    }

    /** Euclid on non-negative values; gcd(0, d) = d so that 0/d normalises to 0/1. */
    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    public long numerator() {
        return num;
    }

    /** Always positive. */
    public long denominator() {
        return den;
    }

    public boolean isInteger() {
        return den == 1;
    }

    public boolean isZero() {
        return num == 0;
    }

    /** Sign of the value: -1, 0 or 1. */
    public int signum() {
        return Long.signum(num);
    }

    /** Nearest double, for heuristics only; never for exact comparisons. */
    public double toDouble() {
        return den == 1 ? num : (double) num / den;
    }

    public Rational add(Rational o) {
        if (den == 1 && o.den == 1) {
            return of(Math.addExact(num, o.num));
        }
        if (o.num == 0) {
            return this;
        }
        if (num == 0) {
            return o;
        }
        return normalised(Math.addExact(Math.multiplyExact(num, o.den), Math.multiplyExact(o.num, den)),
                Math.multiplyExact(den, o.den));
    }

    public Rational subtract(Rational o) {
        if (den == 1 && o.den == 1) {
            return of(Math.subtractExact(num, o.num));
        }
        if (o.num == 0) {
            return this;
        }
        return normalised(Math.subtractExact(Math.multiplyExact(num, o.den), Math.multiplyExact(o.num, den)),
                Math.multiplyExact(den, o.den));
    }

    public Rational multiply(Rational o) {
        if (den == 1 && o.den == 1) {
            return of(Math.multiplyExact(num, o.num));
        }
        return normalised(Math.multiplyExact(num, o.num), Math.multiplyExact(den, o.den));
    }

    /** The quotient, or {@code null} when {@code o} is zero. */
    public Rational divide(Rational o) {
        if (o.num == 0) {
            return null;
        }
        if (o.num == 1 && o.den == 1) {
            return this;
        }
        return normalised(Math.multiplyExact(num, o.den), Math.multiplyExact(den, o.num));
    }

    public Rational negate() {
        return den == 1 ? of(Math.negateExact(num)) : new Rational(Math.negateExact(num), den);
    }

    /** Whether this equals the integer {@code value}, without allocating. */
    public boolean isInteger(long value) {
        return den == 1 && num == value;
    }

    @Override
    public int compareTo(Rational o) {
        if (den == o.den) {
            return Long.compare(num, o.num);
        }
        // Denominators are positive, so cross multiplication keeps the order.
        return Long.compare(Math.multiplyExact(num, o.den), Math.multiplyExact(o.num, den));
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof Rational r && r.num == num && r.den == den;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(num * 31 + den);
    }

    /** {@code 7}, {@code 3/2} or {@code -3/2}; {@link #parse} reads it back. */
    @Override
    public String toString() {
        return den == 1 ? Long.toString(num) : num + "/" + den;
    }

    /**
     * Reads {@code 7}, {@code -7}, {@code 3/2} or {@code -3/2}; a fraction not in lowest terms
     * such as {@code 6/4} is accepted and reduced.
     *
     * @throws NumberFormatException saying what is wrong with {@code text}
     */
    public static Rational parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        if (slash < 0) {
            return of(parseLong(t, text));
        }
        long n = parseLong(t.substring(0, slash), text);
        String denText = t.substring(slash + 1);
        if (denText.startsWith("-") || denText.startsWith("+")) {
            throw new NumberFormatException("'" + text + "' is not a number: the denominator must be unsigned");
        }
        long d = parseLong(denText, text);
        if (d == 0) {
            throw new NumberFormatException("'" + text + "' is not a number: the denominator is zero");
        }
        return of(n, d);
    }

    private static long parseLong(String part, String whole) {
        if (part.isEmpty() || part.startsWith("+")) {
            throw new NumberFormatException("'" + whole + "' is not a number like 7, -7 or 3/2");
        }
        try {
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("'" + whole + "' is not a number like 7, -7 or 3/2");
        }
    }
}
