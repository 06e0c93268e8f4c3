package org.rlmworkbench.runner.scheme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The schemes shipped with the runner as JSON resources, by name. */
public final class BuiltinSchemes {

    /** Every built-in scheme's name, in the order menus show them. */
    public static final List<String> NAMES = List.of("mcts", "mcts-uct", "beam", "tot-bfs", "dfs", "best-of-n",
            "self-consistency", "got", "mcts-lm", "tot-lm");

    private BuiltinSchemes() {
    }

    /** The JSON text of a built-in scheme, if there is one by that name. */
    public static Optional<String> json(String name) {
        if (!NAMES.contains(name)) {
            return Optional.empty();
        }
        try (InputStream in = BuiltinSchemes.class.getResourceAsStream("/org/rlmworkbench/runner/schemes/" + name
                + ".json")) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A built-in scheme.
     *
     * @throws IllegalArgumentException naming the known schemes when there is none by that name
     */
    public static Scheme load(String name) {
        String text = json(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown scheme '" + name + "'; built-in: " + NAMES));
        return SchemeIO.parse("built-in scheme " + name, text).orThrow();
    }

    /**
     * A built-in scheme by name, or a scheme file by path: what {@code --scheme} takes.
     */
    public static SchemeLoad resolve(String nameOrPath) {
        Optional<String> builtin = json(nameOrPath);
        if (builtin.isPresent()) {
            return SchemeIO.parse("built-in scheme " + nameOrPath, builtin.get());
        }
        Path p = Path.of(nameOrPath);
        if (!Files.exists(p)) {
            return new SchemeLoad(nameOrPath, null, List.of(SchemeError.error(null, null,
                    "no built-in scheme and no file named '" + nameOrPath + "'; built-in: " + NAMES)));
        }
        return SchemeIO.read(p);
    }
}
