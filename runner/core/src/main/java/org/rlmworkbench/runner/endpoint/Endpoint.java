package org.rlmworkbench.runner.endpoint;

import java.net.URI;
import java.util.Objects;
import org.rlmworkbench.runner.model.PromptStyle;

/**
 * One OpenAI-compatible server and model, as a line of the endpoints file. {@code apiKeyEnv} names
 * the environment variable that holds the key (null: no key); the key itself is never stored.
 * Prices are per million tokens.
 *
 * @param topP nucleus sampling sent as {@code top_p}; null: not sent
 * @param promptStyle how prompts are phrased for it: {@code few_shot} for chat and completion LLMs
 *     (the default), {@code state} for the project's own character LM behind {@code workbench serve}
 */
public record Endpoint(String name, String baseUrl, String model, EndpointApi api, String apiKeyEnv,
        double priceIn, double priceOut, int maxConcurrency, double timeoutSeconds, PromptStyle promptStyle,
        Double topP) {

    /** Default of {@code max_concurrency}. */
    public static final int DEFAULT_CONCURRENCY = 8;
    /** Default of {@code timeout_seconds}. */
    public static final double DEFAULT_TIMEOUT_SECONDS = 60;

    public Endpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseUrl, "base_url");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(promptStyle, "prompt_style");
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
    }

    /** A free endpoint with the default limits. */
    public static Endpoint of(String name, String baseUrl, String model, EndpointApi api) {
        return new Endpoint(name, baseUrl, model, api, null, 0, 0, DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_SECONDS,
                PromptStyle.FEW_SHOT, null);
    }

    /** The URI of {@code route} (e.g. {@code /models}) below the base URL. */
    public URI uri(String route) {
        return URI.create(baseUrl + route);
    }

    public Endpoint withTimeoutSeconds(double seconds) {
        return new Endpoint(name, baseUrl, model, api, apiKeyEnv, priceIn, priceOut, maxConcurrency, seconds,
                promptStyle, topP);
    }

    public Endpoint withApiKeyEnv(String env) {
        return new Endpoint(name, baseUrl, model, api, env, priceIn, priceOut, maxConcurrency, timeoutSeconds,
                promptStyle, topP);
    }

    public Endpoint withModel(String m) {
        return new Endpoint(name, baseUrl, m, api, apiKeyEnv, priceIn, priceOut, maxConcurrency, timeoutSeconds,
                promptStyle, topP);
    }

    public Endpoint withPromptStyle(PromptStyle s) {
        return new Endpoint(name, baseUrl, model, api, apiKeyEnv, priceIn, priceOut, maxConcurrency, timeoutSeconds,
                s, topP);
    }

    public Endpoint withMaxConcurrency(int c) {
        return new Endpoint(name, baseUrl, model, api, apiKeyEnv, priceIn, priceOut, c, timeoutSeconds, promptStyle, topP);
    }
}
