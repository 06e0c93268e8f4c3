package org.rlmworkbench.runner.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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
 *
 * <p>{@code latencyMs} is a clock reading, so it is shown live (narration, inspector) but never
 * written to a trace: two live runs of the same scheme, problem and seed then give the same trace,
 * byte for byte, however long their calls took. A call read back from a trace (replay, a reopened
 * workspace) has latency 0, meaning "not recorded"; traces written before this rule still read,
 * their latency is ignored on the way in.
 *
 * @param role {@code writer} or {@code judge}
 * @param exchanges one per prompt of the batch, in order
 * @param latencyMs wall-clock milliseconds of the call in this process; 0 when not measured here
 */
@JsonIgnoreProperties(value = "latencyMs", allowSetters = false)
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
