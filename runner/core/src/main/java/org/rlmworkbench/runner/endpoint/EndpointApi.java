package org.rlmworkbench.runner.endpoint;

/** Which OpenAI-compatible route an endpoint is driven through. */
public enum EndpointApi {
    /** {@code /v1/completions}: the prompt as plain text. */
    COMPLETIONS("completions", "/completions"),
    /** {@code /v1/chat/completions}: the prompt as one user message. */
    CHAT("chat", "/chat/completions");

    private final String key;
    private final String path;

    EndpointApi(String key, String path) {
        this.key = key;
        this.path = path;
    }

    /** The value of the {@code api} field in the endpoints file. */
    public String key() {
        return key;
    }

    /** The route below the base URL. */
    public String path() {
        return path;
    }

    /** The api named {@code key}, or null. */
    public static EndpointApi of(String key) {
        for (EndpointApi a : values()) {
            if (a.key.equals(key)) {
                return a;
            }
        }
        return null;
    }
}
