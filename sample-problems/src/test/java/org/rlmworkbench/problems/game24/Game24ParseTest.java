package org.rlmworkbench.problems.game24;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.rlmworkbench.runner.problem.InstanceParseException;

class Game24ParseTest {

    private final Game24 game = new Game24();

    @Test
    void readsWhitespaceOrCommaSeparatedNumbersInOrder() throws InstanceParseException {
        assertThat(game.parseInstance("4 6 8 2")).isEqualTo(Game24State.ofInts(4, 6, 8, 2));
        assertThat(game.parseInstance("4 6 8 2")).hasToString("4 6 8 2");
        assertThat(game.parseInstance(" 4,6 , 8\t2\n")).hasToString("4 6 8 2");
        assertThat(game.parseInstance("13,1,13,1")).hasToString("13 1 13 1");
    }

    @Test
    void wrongCountSaysHowManyWereFound() {
        assertThatThrownBy(() -> game.parseInstance("4 6 8"))
                .isInstanceOf(InstanceParseException.class)
                .hasMessageContaining("found only 3 numbers")
                .hasMessageContaining("'4 6 8'")
                .hasMessageContaining("expected 4 whole numbers from 1 to 13");
        assertThatThrownBy(() -> game.parseInstance(""))
                .isInstanceOf(InstanceParseException.class)
                .hasMessageContaining("found only 0 numbers");
        assertThatThrownBy(() -> game.parseInstance("4 6 8 2 9"))
                .isInstanceOf(InstanceParseException.class)
                .hasMessageContaining("found 5 numbers")
                .hasMessageContaining("number 5 '9' (column 9) is one too many");
    }

    @Test
    void nonNumberNamesTokenAndPosition() {
        assertThatThrownBy(() -> game.parseInstance("4 six 8 2"))
                .isInstanceOf(InstanceParseException.class)
                .hasMessageStartingWith("number 2 'six' (column 3) is not a whole number");
        assertThatThrownBy(() -> game.parseInstance("4 6 8 2.5"))
                .isInstanceOf(InstanceParseException.class)
                .hasMessageStartingWith("number 4 '2.5' (column 7) is not a whole number");
        assertThatThrownBy(() -> game.parseInstance("4 6 3/2 2"))
                .isInstanceOf(InstanceParseException.class)
                .hasMessageContaining("number 3 '3/2'");
    }

    @Test
    void outOfRangeNamesTokenAndPosition() {
        assertThatThrownBy(() -> game.parseInstance("4 6 14 2"))
                .isInstanceOf(InstanceParseException.class)
                .hasMessageStartingWith("number 3 '14' (column 5) is out of range")
                .hasMessageContaining("from 1 to 13");
        assertThatThrownBy(() -> game.parseInstance("0 6 8 2"))
                .isInstanceOf(InstanceParseException.class)
                .hasMessageStartingWith("number 1 '0' (column 1) is out of range");
        assertThatThrownBy(() -> game.parseInstance("4 -6 8 2"))
                .isInstanceOf(InstanceParseException.class)
                .hasMessageStartingWith("number 2 '-6' (column 3) is out of range");
        assertThatThrownBy(() -> game.parseInstance("4 6 8 99999999999999"))
                .isInstanceOf(InstanceParseException.class)
                .hasMessageStartingWith("number 4 '99999999999999' (column 7) is out of range");
    }

    @Test
    void decodeStateErrorsNameTheToken() {
        assertThatThrownBy(() -> game.decodeState("24 x/2"))
                .isInstanceOf(InstanceParseException.class)
                .hasMessage("number 2 'x/2' (column 4) is not a number like 24, -3 or 3/2");
        assertThatThrownBy(() -> game.decodeState("3/0"))
                .isInstanceOf(InstanceParseException.class)
                .hasMessageContaining("'3/0'");
        assertThatThrownBy(() -> game.decodeState("  "))
                .isInstanceOf(InstanceParseException.class)
                .hasMessageContaining("found 0 numbers");
        assertThatThrownBy(() -> game.decodeState("1 2 3 4 5"))
                .isInstanceOf(InstanceParseException.class)
                .hasMessageContaining("found 5 numbers");
        assertThatThrownBy(() -> game.decodeState("9223372036854775807 2"))
                .isInstanceOf(InstanceParseException.class)
                .hasMessageContaining("too large for exact arithmetic");
    }

    @Test
    void encodeDecodeRoundTripsExactlyIncludingDisplayOrder() throws InstanceParseException {
        for (String text : new String[] {"24 8 2", "3/2 4", "-3/2 4 13 1", "24", "0 -7", "2/3 8 2"}) {
            Game24State state = game.decodeState(text);
            assertThat(game.encodeState(state)).isEqualTo(text);
            assertThat(game.decodeState(game.encodeState(state))).isEqualTo(state);
        }
        Game24State start = game.parseInstance("4 9 10 13");
        for (var step : game.steps(start)) {
            Game24State next = step.next();
            Game24State back = game.decodeState(game.encodeState(next));
            assertThat(back).isEqualTo(next);
            assertThat(game.steps(back)).extracting(s -> s.text())
                    .containsExactlyElementsOf(game.steps(next).stream().map(s -> s.text()).toList());
        }
    }

    @Test
    void statesWithTheSameNumbersAreEqualAndShareAKey() throws InstanceParseException {
        Game24State a = game.decodeState("24 8 2");
        Game24State b = game.decodeState("2 24 8");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(game.stateKey(a)).isEqualTo(game.stateKey(b)).isEqualTo("2 8 24");
        assertThat(game.encodeState(a)).isNotEqualTo(game.encodeState(b));
        assertThat(game.decodeState("2 2 3")).isNotEqualTo(game.decodeState("2 3 3"));
        assertThat(game.decodeState("2 3")).isNotEqualTo(game.decodeState("2 3 3"));
        assertThat(game.stateKey(game.decodeState("4 3/2"))).isEqualTo("3/2 4");
    }
}
