package org.rlmworkbench.runner.endpoint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.rlmworkbench.runner.model.LanguageModel;
import org.rlmworkbench.runner.model.LanguageModelResolver;

/**
 * Endpoint names as language-model names ({@code --writer local}): the endpoints of a file, read
 * when a name is first looked up. The user's own file is used when none is given and it exists.
 */
public final class EndpointKind implements LanguageModelResolver.Kind {
    private final Path path;
    private final Function<String, String> environment;
    private EndpointsFile file;

    /**
     * @param path the endpoints file, or null for the user's own (if there is one)
     * @param environment where keys are read ({@code System::getenv})
     */
    public EndpointKind(Path path, Function<String, String> environment) {
        this.path = path;
        this.environment = environment;
    }

    private EndpointsFile file() {
        if (file == null) {
            Path p = path != null ? path : EndpointsFile.userFile();
            // an explicit file must exist; the user's own may be absent
            file = path != null || Files.exists(p) ? EndpointsFile.load(p) : new EndpointsFile(p, java.util.List.of());
        }
        return file;
    }

    /**
     * @throws IllegalArgumentException when the endpoints file cannot be used (naming the file and field)
     */
    @Override
    public boolean accepts(String name) {
        try {
            return file().find(name).isPresent();
        } catch (EndpointsFileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public LanguageModel resolve(String name) {
        return EndpointModels.open(file(), name, environment);
    }

    @Override
    public String form() {
        String names = file == null ? "" : " " + file.endpoints().stream().map(Endpoint::name).toList();
        return "an endpoint of " + (path != null ? path : EndpointsFile.userFile()) + names;
    }
}
