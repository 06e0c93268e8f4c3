package org.rlmworkbench.runner.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns a language-model name, as the command line ({@code --writer}, {@code --judge}), a
 * workspace or a picker gives it, into a model: {@code lm} is the trained character LM of the run's
 * model directory, {@code scripted:FILE} a {@link ScriptedLanguageModel} read from a file. More
 * kinds (e.g. remote endpoints) register a {@link Kind}.
 */
public final class LanguageModelResolver {

    /** One kind of name: whether it claims a name, and the model it names. */
    public interface Kind {
        /** Whether this kind reads {@code name}. */
        boolean accepts(String name);

        /**
         * The model {@code name} names.
         *
         * @throws IllegalArgumentException saying what is wrong with the name, file or endpoint
         */
        LanguageModel resolve(String name);

        /** How names of this kind are written, for error messages, e.g. {@code scripted:FILE}. */
        String form();
    }

    private final List<Kind> kinds = new ArrayList<>();

    /**
     * A resolver for {@code lm} and {@code scripted:FILE}.
     *
     * @param trainedLm the trained LM of the run's model directory, or null when there is none
     */
    public LanguageModelResolver(Supplier<LanguageModel> trainedLm) {
        kinds.add(new Kind() {
            @Override
            public boolean accepts(String name) {
                return name.equals("lm");
            }

            @Override
            public LanguageModel resolve(String name) {
                LanguageModel m = trainedLm == null ? null : trainedLm.get();
                if (m == null) {
                    throw new IllegalArgumentException("'lm' is the trained language model of a model directory;"
                            + " give --models DIR with an lm.json (./workbench train writes one)");
                }
                return m;
            }

            @Override
            public String form() {
                return "lm";
            }
        });
        kinds.add(new Kind() {
            @Override
            public boolean accepts(String name) {
                return name.startsWith("scripted:");
            }

            @Override
            public LanguageModel resolve(String name) {
                String file = name.substring("scripted:".length());
                if (file.isBlank()) {
                    throw new IllegalArgumentException("'scripted:' needs a file, e.g. scripted:answers.json");
                }
                try {
                    return ScriptedLanguageModel.read(Path.of(file));
                } catch (IOException e) {
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
            }

            @Override
            public String form() {
                return "scripted:FILE";
            }
        });
    }

    /** Adds a kind of name, tried before the built-in ones. */
    public LanguageModelResolver with(Kind kind) {
        kinds.add(0, kind);
        return this;
    }

    /**
     * The model {@code name} names; null for null, blank or {@code none}.
     *
     * @param role {@code writer} or {@code judge}, for the message
     * @throws IllegalArgumentException naming the role, the name and the forms known
     */
    public LanguageModel resolve(String role, String name) {
        if (name == null || name.isBlank() || name.equals("none")) {
            return null;
        }
        for (Kind k : kinds) {
            if (k.accepts(name)) {
                try {
                    return k.resolve(name);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(role + " model '" + name + "': " + e.getMessage(), e);
                }
            }
        }
        throw new IllegalArgumentException("unknown " + role + " model '" + name + "'; known forms: "
                + kinds.stream().map(Kind::form).toList());
    }
}
