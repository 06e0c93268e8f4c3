package org.rlmworkbench.runner.neural;

/**
 * A text written by the character language model: the characters, their total log-probability
 * under the model (at temperature 1, whatever temperature drew them), why writing ended
 * ({@code stop}: the end token or a stop string; {@code length}: the limit) and the tokens written
 * (the end token included).
 */
public record WrittenText(String text, double logProb, String finishReason, int tokens) {
}
