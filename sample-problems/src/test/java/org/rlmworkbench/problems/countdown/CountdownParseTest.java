package org.rlmworkbench.problems.countdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.runner.problem.InstanceParseException;
import org.rlmworkbench.runner.problem.StepParse;

class CountdownParseTest {

    private final Countdown countdown = new Countdown();

    @ParameterizedTest(name = "accepts ''{0}''")
    @CsvSource(delimiter = '|', value = {
        "25 + 50 = 75 (left: 75 75 100 3 6)|25 + 50 = 75 (left: 75 75 100 3 6)",
        "25 + 50 = 75|25 + 50 = 75 (left: 75 75 100 3 6)",
        "  50 + 25 = 75  |50 + 25 = 75 (left: 75 75 100 3 6)",
        "1. 100 × 3 = 300|100 * 3 = 300 (left: 300 25 50 75 6)",
        "Step 2: 6 x 3 = 18.|6 * 3 = 18 (left: 18 25 50 75 100)",
        "- 75 ÷ 25 = 3 (left: 3 50 100 3 6)|75 / 25 = 3 (left: 3 50 100 3 6)",
        "3 − 6 = -3|3 - 6 = -3 (left: -3 25 50 75 100)",
        "6 / 100 = 3/50|6 / 100 = 3/50 (left: 3/50 25 50 75 3)",
        "100 - 75 = 25 (left: 25, 25, 50, 3, 6)|100 - 75 = 25 (left: 25 25 50 3 6)",
    })
    void acceptsLegalStepsInManySpellings(String written, String canonical) throws Exception {
        StepParse<CountdownState> p = countdown.parseStep(countdown.parseInstance("25 50 75 100 3 6 -> 952"), written);
        assertThat(p).isInstanceOf(StepParse.Accepted.class);
        assertThat(((StepParse.Accepted<CountdownState>) p).step().text()).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "rejects ''{0}''")
    @CsvSource(delimiter = '|', value = {
        "''|not a step: the text is empty",
        "I would add 25 and 50|not a step: expected one operation on two of the numbers left, written like '25 + 50 = 75 (left: 75 75 100 3 6)'",
        "25 + 50 = 70|25 + 50 = 70: the arithmetic is wrong (25 + 50 = 75)",
        "100 / 3 = 33|100 / 3 = 33: the arithmetic is wrong (100 / 3 = 100/3)",
        "7 + 3 = 10|7 is not among the numbers left (25 50 75 100 3 6)",
        "25 + 25 = 50|uses 25 twice but only one 25 is left (25 50 75 100 3 6)",
        "25 + 50 = 75 (left: 75 100 3 6)|the numbers left would be 75 75 100 3 6, not 75 100 3 6",
        "25 + 50 + 3 = 78|not a step: expected one operation on two of the numbers left, written like '25 + 50 = 75 (left: 75 75 100 3 6)'",
    })
    void rejectsWithAReason(String written, String reason) throws Exception {
        StepParse<CountdownState> p = countdown.parseStep(countdown.parseInstance("25 50 75 100 3 6 -> 952"), written);
        assertThat(p).isInstanceOf(StepParse.Rejected.class);
        assertThat(((StepParse.Rejected<CountdownState>) p).reason()).isEqualTo(reason);
    }

    @Test
    void divisionByZeroAndFinishedStatesAreRejected() throws Exception {
        StepParse<CountdownState> p = countdown.parseStep(countdown.decodeState("0 5 -> 5"), "5 / 0 = 0");
        assertThat(((StepParse.Rejected<CountdownState>) p).reason()).isEqualTo("5 / 0: division by zero");
        StepParse<CountdownState> done = countdown.parseStep(countdown.decodeState("952 -> 952"), "952 + 0 = 952");
        assertThat(((StepParse.Rejected<CountdownState>) done).reason()).isEqualTo("no step is possible: every number has been used");
    }

    @Test
    void instancesRoundTripAndBadOnesSayWhatIsWrong() throws Exception {
        assertThat(countdown.encodeState(countdown.parseInstance(" 25 50 75 100 3 6  ->  952 "))).isEqualTo("25 50 75 100 3 6 -> 952");
        assertThat(countdown.decodeState("3/2 -4 7 -> 20")).hasToString("3/2 -4 7 -> 20");
        assertThatThrownBy(() -> countdown.parseInstance("25 50 75 100 3 6")).isInstanceOf(InstanceParseException.class)
                .hasMessageContaining("no '->' before the target");
        assertThatThrownBy(() -> countdown.parseInstance("25 50 -> 75")).hasMessageContaining("found only 2 numbers");
        assertThatThrownBy(() -> countdown.parseInstance("1 2 3 4 5 6 7 -> 8")).hasMessageContaining("found 7 numbers");
        assertThatThrownBy(() -> countdown.parseInstance("25 fifty 75 -> 952")).hasMessageContaining("number 2 'fifty' is not a whole number");
        assertThatThrownBy(() -> countdown.parseInstance("25 0 75 -> 952")).hasMessageContaining("number 2 '0' is out of range");
        assertThatThrownBy(() -> countdown.parseInstance("25 50 75 -> many")).hasMessageContaining("the target 'many' is not a whole number");
    }
}
