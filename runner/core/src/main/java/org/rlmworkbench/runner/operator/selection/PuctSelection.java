package org.rlmworkbench.runner.operator.selection;

import org.rlmworkbench.runner.event.Candidate;
import org.rlmworkbench.runner.event.CandidateList;

/**
 * PUCT as in the blueprint and AlphaZero: {@code Q(s,a) + c · P(a|s) · sqrt(N(s)) / (1 + N(s,a))};
 * an unvisited child counts Q = 0.
 */
public record PuctSelection(double c) implements SelectionRule {

    @Override
    public String name() {
        return "puct";
    }

    @Override
    public Candidate score(int node, double q, double prior, int visits, int parentVisits) {
        double exploit = visits > 0 ? q : 0.0;
        double u = c * prior * parentTerm(parentVisits) / (1 + visits);
        return new Candidate(node, exploit, prior, visits, u, exploit + u);
    }

    @Override
    public double parentTerm(int parentVisits) {
        return Math.sqrt(parentVisits);
    }

    @Override
    public void scoreInto(CandidateList.Builder into, int row, int node, double q, double prior, int visits,
                          int parentVisits, double parentTerm) {
        double exploit = visits > 0 ? q : 0.0;
        double u = c * prior * parentTerm / (1 + visits);
        into.set(row, node, exploit, prior, visits, u, exploit + u);
    }
}
