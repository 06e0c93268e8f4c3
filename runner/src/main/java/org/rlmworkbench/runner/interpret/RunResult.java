package org.rlmworkbench.runner.interpret;

import java.util.List;

/**
 * The outcome of a run.
 *
 * @param answer the answer of the chosen node when it is terminal, else null
 * @param iterations iterations of the scheme's first loop
 * @param bestPath step texts from the root's first child down to the answer
 * @param bestPathIds node ids from the root down to the answer
 * @param reason {@code completed} or {@code cancelled}
 */
public record RunResult(boolean solved, String answer, int iterations, int nodes, long events, double seconds,
                        List<String> bestPath, List<Integer> bestPathIds, String reason) {
}
