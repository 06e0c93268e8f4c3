package org.rlmworkbench.runner.scheme;

/** Where the editor draws a scheme node; kept in the file so layouts survive a round trip. */
public record Position(double x, double y) {
    public static final Position ORIGIN = new Position(0, 0);
}
