package org.rlmworkbench.runner.model;

/**
 * How prompts are phrased for a language model. {@code STATE} models (the project's own small
 * character LM) read the state text alone and write one step per sample; {@code FEW_SHOT} models
 * (chat and completion LLMs) read the problem's few-shot {@link org.rlmworkbench.runner.problem.Prompts}
 * and may write several steps, one per line, in one sample (as Tree-of-Thoughts' propose prompt does).
 */
public enum PromptStyle {
    STATE,
    FEW_SHOT
}
