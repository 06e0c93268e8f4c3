package org.rlmworkbench.graphview.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CardTextTest {

    @Test
    void shortTextIsShownWhole() {
        assertThat(GraphPainter.cardText("4 * 6 = 24 (left: 24 8 2)", 40)).isEqualTo("4 * 6 = 24 (left: 24 8 2)");
    }

    @Test
    void aDeductionShowsItsConclusion() {
        assertThat(GraphPainter.cardText("Sally is a wumpus. Every wumpus is a yumpus. So Sally is a yumpus.", 22))
                .isEqualTo("So Sally is yumpus.");
    }

    @Test
    void aLongSentenceKeepsItsFirstAndLastWords() {
        String card = GraphPainter.cardText("unstack the red block from on top of the blue block", 24);
        assertThat(card).isEqualTo("unstack red\u2026blue block");
        assertThat(card.length()).isLessThanOrEqualTo(24);
    }

    @Test
    void numbersAreCutAtTheEnd() {
        assertThat(GraphPainter.cardText("25 + 50 = 75 (left: 75 75 100 3 6)", 18)).isEqualTo("25 + 50 = 75 (lef\u2026");
    }
}
