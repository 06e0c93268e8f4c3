package org.rlmworkbench.runner.operator.selection;

import org.rlmworkbench.runner.event.Candidate;

/**
 * A tree policy that scores a child from its statistics and its parent's visit count; Select
 * takes the highest score. Each rule reports its terms so the choice can be explained.
 */
public sealed interface SelectionRule permits PuctSelection, UctSelection, PriorFreePuctSelection {

    String name();

    /** The exploration constant shown with the terms. */
    double c();

    /** The child's exploitation and exploration terms and its score. */
    Candidate score(int node, double q, double prior, int visits, int parentVisits);
}
