package org.rlmworkbench.runner.neural;

/**
 * The JSON config saved next to a network's parameters: what it is, for which problem, how its
 * inputs are built and from what data it was trained.
 *
 * @param format always {@code rlm-workbench-model}
 * @param version format version, 1
 * @param kind which network
 * @param problem the problem id the network was trained for
 * @param architecture layer sizes
 * @param featurisation input featurisation (null for the language model)
 * @param trainingDataHash SHA-256 prefix of the training examples, for provenance
 * @param note free text, e.g. the phase that produced it
 */
public record NetConfig(String format, int version, NetKind kind, String problem, Architecture architecture,
                        Featurisation featurisation, String trainingDataHash, String note) {

    public static final String FORMAT = "rlm-workbench-model";

    public static NetConfig of(NetKind kind, String problem, Architecture a, Featurisation f) {
        return new NetConfig(FORMAT, 1, kind, problem, a, f, "", "");
    }

    public NetConfig withProvenance(String hash, String newNote) {
        return new NetConfig(format, version, kind, problem, architecture, featurisation, hash, newNote);
    }
}
