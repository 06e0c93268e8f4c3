package org.rlmworkbench.runner.scheme;

/** The value type of a node parameter. */
public enum ParamKind {
    INT, REAL, ENUM, BOOL
}
