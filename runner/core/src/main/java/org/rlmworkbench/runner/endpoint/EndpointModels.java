package org.rlmworkbench.runner.endpoint;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Turns an endpoint's name into a language model: the endpoint from its file, with what the last
 * probe (stored beside the file) found, and keys from the process environment.
 */
public final class EndpointModels {

    private EndpointModels() {
    }

    /**
     * The client of the endpoint called {@code name} in {@code file}.
     *
     * @throws EndpointsFileException when the file cannot be used or has no such endpoint (naming those it has)
     */
    public static OpenAiCompatibleModel open(Path file, String name) {
        return open(EndpointsFile.load(file), name, System::getenv);
    }

    /** The client of the endpoint called {@code name} in {@code endpoints}, with keys from {@code environment}. */
    public static OpenAiCompatibleModel open(EndpointsFile endpoints, String name, Function<String, String> environment) {
        Endpoint ep = endpoints.find(name).orElseThrow(() -> new EndpointsFileException(endpoints.file(),
                "no endpoint named '" + name + "'; it has: " + endpoints.endpoints().stream().map(Endpoint::name).toList()));
        ServerSupport known = ProbeStore.beside(endpoints.file()).support(name);
        return new OpenAiCompatibleModel(ep, known, RetrySettings.DEFAULT, environment);
    }
}
