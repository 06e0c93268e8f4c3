package org.rlmworkbench.graphview.view;

/** How much of a node is drawn, chosen from the zoom. */
public enum DetailLevel {
    /** Step text and every number. */
    CARD,
    /** The box with N and Q only. */
    NUMBERS,
    /** A dot sized by visits. */
    DOT;

    /** Card width on screen in pixels at or above which a level starts. */
    static final double CARD_MIN_PX = 100;
    static final double NUMBERS_MIN_PX = 34;

    /** The level for cards {@code cardWidthPx} pixels wide on screen. */
    public static DetailLevel forCardWidth(double cardWidthPx) {
        if (cardWidthPx >= CARD_MIN_PX) {
            return CARD;
        }
        return cardWidthPx >= NUMBERS_MIN_PX ? NUMBERS : DOT;
    }
}
