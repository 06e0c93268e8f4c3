package org.rlmworkbench.editor.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rlmworkbench.runner.io.AtomicFiles;

/**
 * The most recently opened or saved scheme files, newest first, kept as a small JSON list in the
 * editor's config directory. A missing or unreadable list is an empty one.
 */
public final class RecentFiles {

    /** How many files the list keeps. */
    public static final int MAX = 10;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path store;

    public RecentFiles(Path store) {
        this.store = store;
    }

    /** The files, newest first. */
    public List<Path> list() {
        List<Path> out = new ArrayList<>();
        try {
            if (!Files.exists(store)) {
                return out;
            }
            JsonNode root = MAPPER.readTree(store.toFile());
            if (root != null && root.isArray()) {
                root.forEach(n -> {
                    if (n.isTextual()) {
                        out.add(Path.of(n.textValue()));
                    }
                });
            }
        } catch (IOException | RuntimeException e) {
            return new ArrayList<>();
        }
        return out;
    }

    /** Puts {@code file} first; returns the new list. Failing to store the list is not an error. */
    public List<Path> add(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> files = list();
        files.remove(abs);
        files.add(0, abs);
        while (files.size() > MAX) {
            files.remove(files.size() - 1);
        }
        ArrayNode arr = MAPPER.createArrayNode();
        files.forEach(p -> arr.add(p.toString()));
        try {
            AtomicFiles.writeString(store, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(arr));
        } catch (IOException e) {
            // the list is a convenience; the user's file is safe either way
        }
        return files;
    }
}
