package org.rlmworkbench.runner.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.rlmworkbench.runner.model.Completion;

/**
 * A language model was called: one batch of prompts, every response, the tokens it used, how long
 * it took and what it cost where a price is known. Calls are numbered from 0 in the order a run
 * makes them, so a replay answers call {@code call} from this event and never asks the model.
 * {@code latencyMs} is the one clock reading in a trace: two live runs differ in it, a replay or a
 * run answered from the response cache repeats the recorded value.
 *
 * @param role {@code writer} or {@code judge}
 * @param exchanges one per prompt of the batch, in order
 */
public record ModelCalled(int call, String role, String model, List<Exchange> exchanges, int promptTokens,
                          int completionTokens, double latencyMs, double cost) implements RunEvent {

    public ModelCalled {
        exchanges = List.copyOf(exchanges);
    }

    @Override
    public boolean changesGraph() {
        return false;
    }

    /**
     * One prompt and its samples.
     *
     * @param node the reasoning node the prompt is about, -1 for none
     * @param hash the first 16 hex digits of the prompt's SHA-256 (see {@link #hash(String)})
     */
    public record Exchange(int node, String prompt, String hash, int n, double temperature, int maxTokens,
                           long seed, List<Completion.Sample> responses) {

        public Exchange {
            responses = List.copyOf(responses);
        }

        /** The responses' texts, in order (for views, which read events only). */
        public List<String> texts() {
            return responses.stream().map(Completion.Sample::text).toList();
        }

        /** The responses' log-probabilities, in order; NaN where the model gave none. */
        public double[] logProbs() {
            return responses.stream().mapToDouble(Completion.Sample::logProb).toArray();
        }
    }

    /** The prompt's hash as traces and caches write it: 16 hex digits of its SHA-256. */
    public static String hash(String prompt) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(prompt.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
