package org.rlmworkbench.runner.event;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The candidates of one {@link NodeSelected}, kept column by column in primitive arrays and turned
 * into {@link Candidate} values only when read. Select scores every child at every level of every
 * simulation, and an object per child was most of what a simulation allocated; most listeners (the
 * benchmark's counter, a headless evaluation) never read them, and the trace writer reads each once.
 *
 * <p>Immutable: a {@link Builder} fills the columns and hands them over once. Equal to any list of
 * the same candidates, as a {@code List} must be, so events compare and serialise as before.
 */
public final class CandidateList extends AbstractList<Candidate> implements RandomAccess {
    private final int size;
    private final int[] node;
    private final double[] q;
    private final double[] p;
    private final int[] n;
    private final double[] u;
    private final double[] score;
    /** Null while no candidate has a simulation in flight (every run outside batches). */
    private final int[] inFlight;

    private CandidateList(Builder b) {
        this.size = b.size;
        this.node = b.node;
        this.q = b.q;
        this.p = b.p;
        this.n = b.n;
        this.u = b.u;
        this.score = b.score;
        this.inFlight = b.inFlight;
    }

    @Override
    public Candidate get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("candidate " + index + " of " + size);
        }
        return new Candidate(node[index], q[index], p[index], n[index], u[index], score[index],
                inFlight == null ? 0 : inFlight[index]);
    }

    @Override
    public int size() {
        return size;
    }

    /** The node of candidate {@code index}, without building the candidate. */
    public int node(int index) {
        return node[Objects.checkIndex(index, size)];
    }

    /** The score of candidate {@code index}, without building the candidate. */
    public double score(int index) {
        return score[Objects.checkIndex(index, size)];
    }

    /** Fills the columns of a list of a known size, row by row, then {@link #build()}s it once. */
    public static final class Builder {
        private final int size;
        private int[] node;
        private double[] q;
        private double[] p;
        private int[] n;
        private double[] u;
        private double[] score;
        private int[] inFlight;

        public Builder(int size) {
            this.size = size;
            node = new int[size];
            q = new double[size];
            p = new double[size];
            n = new int[size];
            u = new double[size];
            score = new double[size];
        }

        /** Sets row {@code i}; the arguments are those of {@link Candidate}'s constructor. */
        public Builder set(int i, int node, double q, double p, int n, double u, double score) {
            if (this.node == null) {
                throw new IllegalStateException("the candidate list was built already");
            }
            this.node[i] = node;
            this.q[i] = q;
            this.p[i] = p;
            this.n[i] = n;
            this.u[i] = u;
            this.score[i] = score;
            return this;
        }

        /** Sets row {@code i}'s simulations in flight (0 unless set). */
        public Builder inFlight(int i, int count) {
            if (node == null) {
                throw new IllegalStateException("the candidate list was built already");
            }
            if (inFlight == null) {
                inFlight = new int[size];
            }
            inFlight[i] = count;
            return this;
        }

        /** The list; the builder is spent afterwards, so the list stays as built. */
        public CandidateList build() {
            if (node == null) {
                throw new IllegalStateException("the candidate list was built already");
            }
            CandidateList list = new CandidateList(this);
            node = null;
            q = null;
            p = null;
            n = null;
            u = null;
            score = null;
            inFlight = null;
            return list;
        }
    }

    /** Equal to any list of equal candidates; between two of these, compared column by column. */
    @Override
    public boolean equals(Object o) {
        if (o instanceof CandidateList c) {
            return size == c.size && Arrays.equals(node, 0, size, c.node, 0, size)
                    && Arrays.equals(q, 0, size, c.q, 0, size) && Arrays.equals(p, 0, size, c.p, 0, size)
                    && Arrays.equals(n, 0, size, c.n, 0, size) && Arrays.equals(u, 0, size, c.u, 0, size)
                    && Arrays.equals(score, 0, size, c.score, 0, size)
                    && Arrays.equals(inFlight == null ? new int[size] : inFlight, 0, size,
                            c.inFlight == null ? new int[size] : c.inFlight, 0, size);
        }
        return super.equals(o);
    }
}
