package org.rlmworkbench.runner.interpret;

/**
 * Settings of one run. Every random choice draws from a generator seeded with {@code seed}, so
 * the same scheme, problem, models and seed give the same trace.
 *
 * @param budget iterations of the scheme's first loop, overriding the file; null keeps the file's
 */
public record RunSettings(long seed, Integer budget) {

    public static RunSettings seed(long seed) {
        return new RunSettings(seed, null);
    }

    public RunSettings withBudget(Integer newBudget) {
        return new RunSettings(seed, newBudget);
    }
}
