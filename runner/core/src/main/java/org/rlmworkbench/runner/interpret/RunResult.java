package org.rlmworkbench.runner.interpret;

import java.util.List;
import org.rlmworkbench.runner.model.ModelUsage;

/**
 * The outcome of a run.
 *
 * @param answer the answer of the chosen node when it is terminal, else null
 * @param iterations iterations of the scheme's first loop
 * @param bestPath step texts from the root's first child down to the answer
 * @param bestPathIds node ids from the root down to the answer
 * @param reason {@code completed} or {@code cancelled}
 * @param usage what the run spent on language models (calls, tokens, cost, invalid steps)
 */
public record RunResult(boolean solved, String answer, int iterations, int nodes, long events, double seconds,
                        List<String> bestPath, List<Integer> bestPathIds, String reason, ModelUsage usage) {

    /** A result of a run that called no language model. */
    public RunResult(boolean solved, String answer, int iterations, int nodes, long events, double seconds,
                     List<String> bestPath, List<Integer> bestPathIds, String reason) {
        this(solved, answer, iterations, nodes, events, seconds, bestPath, bestPathIds, reason, ModelUsage.NONE);
    }
}
