package org.rlmworkbench.runner.operator.selection;

import org.rlmworkbench.runner.event.Candidate;
import org.rlmworkbench.runner.event.CandidateList;

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

    /**
     * The part of the exploration term that depends on the parent alone (UCT's ln N(s), PUCT's
     * sqrt N(s)): Select computes it once per choice instead of once per child.
     */
    double parentTerm(int parentVisits);

    /**
     * As {@link #score}, into row {@code row} of {@code into}, given {@code parentTerm(parentVisits)}:
     * the same numbers, bit for bit, without a {@link Candidate} per child.
     */
    void scoreInto(CandidateList.Builder into, int row, int node, double q, double prior, int visits,
                   int parentVisits, double parentTerm);
}
