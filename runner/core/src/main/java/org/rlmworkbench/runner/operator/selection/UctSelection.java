package org.rlmworkbench.runner.operator.selection;

import org.rlmworkbench.runner.event.Candidate;
import org.rlmworkbench.runner.event.CandidateList;

/**
 * UCT (UCB1 applied to trees): {@code Q(s,a) + c · sqrt(ln N(s) / N(s,a))}; an unvisited child
 * scores +infinity, so every child is tried once before any is tried twice.
 */
public record UctSelection(double c) implements SelectionRule {

    @Override
    public String name() {
        return "uct";
    }

    @Override
    public Candidate score(int node, double q, double prior, int visits, int parentVisits) {
        if (visits == 0) {
            return new Candidate(node, 0.0, prior, 0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
        }
        double u = c * Math.sqrt(parentTerm(parentVisits) / visits);
        return new Candidate(node, q, prior, visits, u, q + u);
    }

    @Override
    public double parentTerm(int parentVisits) {
        return Math.log(Math.max(1, parentVisits));
    }

    @Override
    public void scoreInto(CandidateList.Builder into, int row, int node, double q, double prior, int visits,
                          int parentVisits, double parentTerm) {
        if (visits == 0) {
            into.set(row, node, 0.0, prior, 0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
            return;
        }
        double u = c * Math.sqrt(parentTerm / visits);
        into.set(row, node, q, prior, visits, u, q + u);
    }
}
