package org.rlmworkbench.runner.endpoint;

import java.util.List;

/**
 * What a probe found out about an endpoint's server. {@code models} is null where {@code /v1/models}
 * could not be read; {@code seed} is null where the answers could not tell (the model answered the
 * same to every seed); {@code error} is null when every question got an answer.
 *
 * @param latencyMillis the median wall time of the probe's one-sample completions
 */
public record ProbeReport(String endpoint, String probedAt, List<String> models, NSupport n, Boolean logprobs,
        Boolean seed, double latencyMillis, String error) {

    public ProbeReport {
        models = models == null ? null : List.copyOf(models);
    }

    /** What the client may take as known from this probe. */
    public ServerSupport support() {
        return new ServerSupport(n, logprobs, seed);
    }

    /** Whether the server lists {@code model} (null where it lists nothing). */
    public Boolean serves(String model) {
        return models == null ? null : models.contains(model);
    }
}
