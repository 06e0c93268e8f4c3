package org.rlmworkbench.runner.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One child as Select saw it: its statistics and the terms of the selection rule. In a batch the
 * statistics are the ones the rule used, virtual loss included ({@code graph.VirtualLoss}).
 *
 * @param q the exploitation term as used by the rule (Q, or normalised Q)
 * @param n the visit count the rule used (real visits plus n_vl per simulation in flight)
 * @param u the exploration term
 * @param score the rule's score, usually {@code q + u}
 * @param inFlight simulations of the batch in flight through this child (0, and left out of the
 *     trace, outside batches)
 */
public record Candidate(int node, double q, double p, int n, double u, double score,
                        @JsonInclude(JsonInclude.Include.NON_DEFAULT) int inFlight) {

    @JsonCreator
    public Candidate(@JsonProperty("node") int node, @JsonProperty("q") double q, @JsonProperty("p") double p,
                     @JsonProperty("n") int n, @JsonProperty("u") double u, @JsonProperty("score") double score,
                     @JsonProperty("inFlight") int inFlight) {
        this.node = node;
        this.q = q;
        this.p = p;
        this.n = n;
        this.u = u;
        this.score = score;
        this.inFlight = inFlight;
    }

    /** A candidate with nothing in flight. */
    public Candidate(int node, double q, double p, int n, double u, double score) {
        this(node, q, p, n, u, score, 0);
    }

    /** The same candidate with {@code count} simulations in flight through it. */
    public Candidate withInFlight(int count) {
        return new Candidate(node, q, p, n, u, score, count);
    }
}
