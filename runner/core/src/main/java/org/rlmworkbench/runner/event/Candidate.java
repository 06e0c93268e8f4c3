package org.rlmworkbench.runner.event;

/**
 * One child as Select saw it: its statistics and the terms of the selection rule.
 *
 * @param q the exploitation term as used by the rule (Q, or normalised Q)
 * @param u the exploration term
 * @param score the rule's score, usually {@code q + u}
 */
public record Candidate(int node, double q, double p, int n, double u, double score) {
}
