package org.rlmworkbench.runner.problem;

import java.util.Map;

/**
 * A problem's few-shot prompts for language models, in the style of Tree-of-Thoughts: one that asks
 * for next steps, one that asks for the value of a partial state, one that judges a final answer.
 * {@code valueWords} maps the last word of a value answer (e.g. {@code sure}, {@code likely},
 * {@code impossible}) to a value in [-1, 1].
 *
 * @param propose template with {@code {input}} (the state as text) and {@code {k}} (proposals wanted)
 * @param value template with {@code {input}}
 * @param judgeAnswer template with {@code {input}} (the instance) and {@code {answer}}
 * @param valueWords last word of a value answer to a value in [-1, 1]
 */
public record Prompts(String propose, String value, String judgeAnswer, Map<String, Double> valueWords) {

    public Prompts {
        valueWords = Map.copyOf(valueWords);
    }

    /** Plain prompts for a problem that ships none. */
    public static Prompts generic() {
        return new Prompts(
                "Propose {k} possible next steps, one per line.\nInput: {input}\nPossible next steps:\n",
                "Evaluate whether the goal can still be reached (sure/likely/impossible).\nInput: {input}\n",
                "Is this answer correct? Answer yes or no.\nInput: {input}\nAnswer: {answer}\nJudgement:",
                Map.of("sure", 1.0, "likely", 0.0, "impossible", -1.0, "yes", 1.0, "no", -1.0));
    }

    public String renderPropose(String input, int k) {
        return propose.replace("{input}", input).replace("{k}", Integer.toString(k));
    }

    public String renderValue(String input) {
        return value.replace("{input}", input);
    }

    public String renderJudgeAnswer(String input, String answer) {
        return judgeAnswer.replace("{input}", input).replace("{answer}", answer);
    }
}
