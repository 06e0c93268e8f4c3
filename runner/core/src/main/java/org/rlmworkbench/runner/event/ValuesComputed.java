package org.rlmworkbench.runner.event;

import java.util.List;

/** Evaluate computed values for nodes; {@code source} says how (value model, rollout, reward model...). */
public record ValuesComputed(String source, List<Evaluation> evaluations) implements RunEvent {
}
