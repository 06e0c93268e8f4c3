package org.rlmworkbench.runner.graph;

/**
 * AlphaZero's virtual loss: while a simulation is in flight through a node (selected, its value not
 * yet backed up), the node counts {@code count} (n_vl) extra visits, each of value {@code value}
 * (-1, a loss), so that the next selection of the same batch (or another thread) is steered away
 * from the path already taken. The statistics a selection rule reads are then
 * <pre>
 *   N' = N + n_vl · f
 *   Q' = (N · Q + n_vl · f · value) / N'
 * </pre>
 * with f the node's in-flight simulations ({@link ReasoningGraph#inFlight}). With no simulation in
 * flight (f = 0) both are the real N and Q, bit for bit, which is why a search of batch 1 is
 * unchanged by it. The backup of the simulation takes the virtual visits back before it adds the
 * real one ({@link ReasoningGraph#removeInFlight}).
 *
 * <pre>{@code
 * VirtualLoss vl = VirtualLoss.alphaZero(3);
 * g.addInFlight(path);                        // after selecting a leaf
 * int n = vl.visits(g.visits(c), g.inFlight(c));
 * double q = vl.q(g.q(c), g.visits(c), g.inFlight(c));
 * g.removeInFlight(path);                     // before backing up its value
 * }</pre>
 *
 * @param count n_vl, virtual visits per in-flight simulation (0 turns the virtual loss off)
 * @param value the value of each virtual visit, -1 in AlphaZero
 */
public record VirtualLoss(int count, double value) {

    /** The value of a virtual visit in AlphaZero: a loss. */
    public static final double LOSS = -1.0;

    /**
     * @throws IllegalArgumentException when {@code count} is negative or {@code value} is not in [-1, 1]
     */
    public VirtualLoss {
        if (count < 0) {
            throw new IllegalArgumentException("virtual loss count n_vl must be 0 or more, got " + count);
        }
        if (!(value >= -1.0 && value <= 1.0)) {
            throw new IllegalArgumentException("virtual loss value must be in [-1, 1], got " + value);
        }
    }

    /** n_vl virtual visits of value -1 per in-flight simulation, as in AlphaZero. */
    public static VirtualLoss alphaZero(int count) {
        return new VirtualLoss(count, LOSS);
    }

    /** The visit count a rule sees: {@code N + n_vl · inFlight}. */
    public int visits(int visits, int inFlight) {
        return visits + count * inFlight;
    }

    /** The mean value a rule sees: {@code (N·Q + n_vl·inFlight·value) / (N + n_vl·inFlight)}; Q itself when nothing is in flight. */
    public double q(double q, int visits, int inFlight) {
        int virtual = count * inFlight;
        if (virtual == 0) {
            return q;
        }
        return (visits * q + virtual * value) / (visits + virtual);
    }
}
