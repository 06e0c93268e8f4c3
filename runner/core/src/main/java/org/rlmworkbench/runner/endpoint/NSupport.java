package org.rlmworkbench.runner.endpoint;

/** How a server treats {@code n} > 1: several choices in one call, one choice only, or an error. */
public enum NSupport {
    /** Not yet found out: ask for n and see. */
    UNKNOWN,
    /** Answers n choices. */
    HONOURED,
    /** Answers fewer choices than asked (Ollama, LM Studio): the client loops. */
    IGNORED,
    /** Answers an error (older llama.cpp builds): the client loops. */
    REFUSED;

    /** Whether the client should ask for n > 1 in one call. */
    public boolean asksForN() {
        return this == UNKNOWN || this == HONOURED;
    }
}
