package org.rlmworkbench.problems.game24;

/**
 * How hard an instance is: of all complete step sequences through {@link Game24#steps} (three
 * steps from four numbers), how many end in 24. A smaller share is a harder puzzle; a share of
 * zero is an unsolvable one.
 *
 * @param winningPaths step sequences that end in exactly 24
 * @param totalPaths   all complete step sequences
 */
public record Game24Difficulty(long winningPaths, long totalPaths) implements Comparable<Game24Difficulty> {

    /** Share of complete step sequences that end in 24, in [0, 1]; lower is harder. */
    public double solvedShare() {
        return totalPaths == 0 ? 0.0 : (double) winningPaths / totalPaths;
    }

    public boolean solvable() {
        return winningPaths > 0;
    }

    /** Orders easiest first (largest share first), comparing the shares exactly. */
    @Override
    public int compareTo(Game24Difficulty o) {
        // Counts stay far below 2^31, so the cross products cannot overflow.
        return Long.compare(o.winningPaths * totalPaths, winningPaths * o.totalPaths);
    }
}
