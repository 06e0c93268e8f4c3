package org.rlmworkbench.graphview.layout;

/**
 * Sizes the layout reserves per node, in world units.
 *
 * @param cardWidth width of a node's card
 * @param cardHeight height of a node's card
 * @param gapX horizontal gap between neighbouring cards
 * @param gapY vertical gap between levels
 */
public record LayoutSettings(int cardWidth, int cardHeight, int gapX, int gapY) {

    /** Cards of 132 x 60 with gaps of 16 and 56. */
    public static LayoutSettings defaults() {
        return new LayoutSettings(132, 60, 16, 56);
    }
}
