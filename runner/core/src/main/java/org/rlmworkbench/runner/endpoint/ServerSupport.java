package org.rlmworkbench.runner.endpoint;

/**
 * What a server is known to support, found by a probe or learned from its answers. {@code logprobs}
 * and {@code seed} are null while unknown, so the client still asks for them.
 */
public record ServerSupport(NSupport n, Boolean logprobs, Boolean seed) {

    /** Nothing known yet. */
    public static final ServerSupport UNKNOWN = new ServerSupport(NSupport.UNKNOWN, null, null);

    public ServerSupport withN(NSupport v) {
        return new ServerSupport(v, logprobs, seed);
    }

    public ServerSupport withLogprobs(Boolean v) {
        return new ServerSupport(n, v, seed);
    }

    public ServerSupport withSeed(Boolean v) {
        return new ServerSupport(n, logprobs, v);
    }
}
