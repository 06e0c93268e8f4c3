package org.rlmworkbench.runner.problem;

import java.util.List;

/**
 * A problem's instances in fixed splits, each an instance text that {@link Problem#parseInstance} reads.
 */
public record Dataset(List<String> train, List<String> validation, List<String> test) {

    public Dataset {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }

    /** The instances of one split. */
    public List<String> split(Split split) {
        return switch (split) {
            case TRAIN -> train;
            case VALIDATION -> validation;
            case TEST -> test;
        };
    }
}
