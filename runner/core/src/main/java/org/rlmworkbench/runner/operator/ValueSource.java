package org.rlmworkbench.runner.operator;

import java.util.Locale;
import org.rlmworkbench.runner.model.ValueModel;

/**
 * Where Evaluate and Refine take a node's value from ({@code params.source}), parsed once when the
 * operator is built, so that a misspelt or unsupported source fails there and not deep in a run.
 */
public enum ValueSource {
    /** The problem's heuristic. */
    HEURISTIC,
    /** The value model; refused when none is chosen. */
    VALUE,
    /** The reward model (a process reward). */
    REWARD,
    /** The mean outcome of random rollouts ({@link Rollout}). */
    ROLLOUT,
    /** A judge language model reading the problem's value prompt (Evaluate only). */
    JUDGE,
    /** The value model when one is chosen, else rollouts (Evaluate only). */
    VALUE_OR_ROLLOUT;

    /** The source named as in scheme files ({@code "value_or_rollout"}). */
    public static ValueSource parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The name scheme files and the {@code values_computed} event use. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The source a run actually uses: {@code value_or_rollout} becomes {@code value} or {@code rollout}
     * by whether a value model is chosen; {@code value} without one is refused, naming the node and field.
     */
    ValueSource resolve(ValueModel model, String nodeId, String otherwise) {
        ValueSource used = this == VALUE_OR_ROLLOUT ? (model != null ? VALUE : ROLLOUT) : this;
        if (used == VALUE && model == null) {
            throw new RunFailedException("node '" + nodeId + "', field params.source: 'value' needs a value model,"
                    + " and none is chosen; choose one or use " + otherwise);
        }
        return used;
    }
}
