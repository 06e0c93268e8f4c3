package org.rlmworkbench.runner.operator.selection;

import org.rlmworkbench.runner.event.Candidate;
import org.rlmworkbench.runner.event.CandidateList;

/**
 * x1's prior-free PUCT: {@code q̂ + sqrt(N(s) - 1) / (1 + N(c)) · (c1 + ln((N(s) + c2) / c2))}, with
 * q̂ the child's Q mapped from [-1, 1] to [0, 1] (0 while unvisited). No prior is needed, so it
 * suits policies that give none.
 */
public record PriorFreePuctSelection(double c1, double c2) implements SelectionRule {

    @Override
    public String name() {
        return "prior_free_puct";
    }

    @Override
    public double c() {
        return c1;
    }

    @Override
    public Candidate score(int node, double q, double prior, int visits, int parentVisits) {
        double qhat = visits > 0 ? (q + 1.0) / 2.0 : 0.0;
        double u = parentTerm(parentVisits) / (1.0 + visits) * (c1 + Math.log((parentVisits + c2) / c2));
        return new Candidate(node, qhat, prior, visits, u, qhat + u);
    }

    @Override
    public double parentTerm(int parentVisits) {
        return Math.sqrt(Math.max(0, parentVisits - 1));
    }

    @Override
    public void scoreInto(CandidateList.Builder into, int row, int node, double q, double prior, int visits,
                          int parentVisits, double parentTerm) {
        double qhat = visits > 0 ? (q + 1.0) / 2.0 : 0.0;
        double u = parentTerm / (1.0 + visits) * (c1 + Math.log((parentVisits + c2) / c2));
        into.set(row, node, qhat, prior, visits, u, qhat + u);
    }
}
