package org.rlmworkbench.problems.game24;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RationalTest {

    private static Rational r(long n, long d) {
        return Rational.of(n, d);
    }

    @Test
    void normalisesToLowestTermsWithPositiveDenominator() {
        assertThat(r(6, 4)).isEqualTo(r(3, 2));
        assertThat(r(6, 4).numerator()).isEqualTo(3);
        assertThat(r(6, 4).denominator()).isEqualTo(2);
        assertThat(r(3, -6)).isEqualTo(r(-1, 2));
        assertThat(r(3, -6).denominator()).isEqualTo(2);
        assertThat(r(-4, -2)).isEqualTo(Rational.of(2));
        assertThat(r(0, -7)).isEqualTo(Rational.ZERO);
        assertThat(r(0, -7).denominator()).isEqualTo(1);
        assertThat(r(8, 4).isInteger()).isTrue();
    }

    @Test
    void arithmeticIsExact() {
        assertThat(r(1, 3).add(r(1, 6))).isEqualTo(r(1, 2));
        assertThat(r(1, 2).add(r(1, 2))).isEqualTo(Rational.ONE);
        assertThat(r(1, 3).subtract(r(1, 2))).isEqualTo(r(-1, 6));
        assertThat(r(2, 3).multiply(r(9, 4))).isEqualTo(r(3, 2));
        assertThat(r(2, 3).divide(r(4, 9))).isEqualTo(r(3, 2));
        assertThat(Rational.of(7).subtract(Rational.of(7))).isEqualTo(Rational.ZERO);
        assertThat(r(3, 2).negate()).isEqualTo(r(-3, 2));
        // The classic 3 3 8 8 solution needs exact fractions: 8 / (3 - 8 / 3) = 24.
        Rational three = Rational.of(3);
        Rational eight = Rational.of(8);
        assertThat(eight.divide(three.subtract(eight.divide(three)))).isEqualTo(Rational.TWENTY_FOUR);
    }

    @Test
    void divisionByZeroReturnsNull() {
        assertThat(Rational.of(5).divide(Rational.ZERO)).isNull();
        assertThat(Rational.ZERO.divide(Rational.of(5))).isEqualTo(Rational.ZERO);
        assertThatThrownBy(() -> Rational.of(1, 0)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void overflowThrowsInsteadOfWrapping() {
        Rational big = Rational.of(Long.MAX_VALUE / 2 + 1);
        assertThatThrownBy(() -> big.add(big)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> big.multiply(Rational.of(3))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void equalsHashCodeAndCompareTo() {
        assertThat(r(2, 4)).isEqualTo(r(1, 2)).hasSameHashCodeAs(r(1, 2));
        assertThat(r(1, 2)).isNotEqualTo(r(1, 3)).isNotEqualTo(0.5);
        assertThat(r(1, 3)).isLessThan(r(1, 2));
        assertThat(r(-3, 2)).isLessThan(Rational.of(-1));
        assertThat(Rational.of(24).compareTo(r(48, 2))).isZero();
        assertThat(Rational.of(100_000)).isEqualTo(Rational.of(100_000)).isGreaterThan(Rational.of(99_999));
    }

    @Test
    void smallIntegersAreShared() {
        assertThat(Rational.of(24)).isSameAs(Rational.TWENTY_FOUR);
        assertThat(Rational.of(4).multiply(Rational.of(6))).isSameAs(Rational.TWENTY_FOUR);
        assertThat(r(48, 2)).isSameAs(Rational.TWENTY_FOUR);
    }

    @Test
    void textRoundTrips() {
        assertThat(Rational.of(7)).hasToString("7");
        assertThat(r(3, 2)).hasToString("3/2");
        assertThat(r(-3, 2)).hasToString("-3/2");
        assertThat(Rational.of(-7)).hasToString("-7");
        for (String text : new String[] {"7", "-7", "0", "3/2", "-3/2", "28561", "1/2197"}) {
            assertThat(Rational.parse(text)).hasToString(text);
        }
        assertThat(Rational.parse("6/4")).isEqualTo(r(3, 2));
        assertThat(Rational.parse(" 5 ")).isEqualTo(Rational.of(5));
    }

    @Test
    void parseRejectsMalformedText() {
        for (String bad : new String[] {"", "x", "1.5", "3/", "/2", "3/0", "3/-2", "+3", "1/2/3", "--1"}) {
            assertThatThrownBy(() -> Rational.parse(bad))
                    .as(bad)
                    .isInstanceOf(NumberFormatException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
    }
}
