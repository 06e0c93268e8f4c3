package org.rlmworkbench.graphview.inspector;

/**
 * One child of the inspected node with its statistics now and its selection terms as computed
 * at the last Select at the inspected node (NaN where no Select has looked yet).
 *
 * @param node child id
 * @param text the child's step text
 * @param q the exploitation term at the last Select
 * @param p the prior P at the last Select
 * @param n the visit count N at the last Select
 * @param u the exploration term U
 * @param score the rule's score
 * @param chosen whether the last Select chose this child
 */
public record ChildRow(int node, String text, double q, double p, int n, double u, double score, boolean chosen) {
}
