package org.rlmworkbench.runner.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.rlmworkbench.runner.io.AtomicFiles;

/**
 * Model responses on disk, one small JSON file per sample, keyed by the model's name, the request's
 * parameters (temperature, max tokens, stop strings), the prompt, the seed and the sample's index:
 * a second run of the same inputs reads every answer from here, costs nothing and repeats the
 * first exactly (latency included). Writes are atomic; an unreadable entry counts as a miss.
 *
 * <p>Where it lives: {@link #defaultDirectory()}; the CLI's {@code --cache-dir} and the system
 * property {@code rlm.cache} ({@code off}, or a directory) override it.
 */
public final class ResponseCache {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    /** One cached sample with the figures of the request it came from. */
    public record Entry(Completion.Sample sample, int promptTokens, double latencyMs) {
    }

    private final Path dir;

    public ResponseCache(Path dir) {
        this.dir = dir;
    }

    public Path directory() {
        return dir;
    }

    /**
     * The cache the settings name: the system property {@code rlm.cache} ({@code off} for none, else a
     * directory), else the user's cache directory. Tests set {@code rlm.cache=off}.
     */
    public static Optional<ResponseCache> fromSettings() {
        String p = System.getProperty("rlm.cache");
        if (p != null && !p.isBlank()) {
            return p.equals("off") ? Optional.empty() : Optional.of(new ResponseCache(Path.of(p)));
        }
        return Optional.of(new ResponseCache(defaultDirectory()));
    }

    /** {@code $XDG_CACHE_HOME/rlm-workbench/responses}, else {@code ~/.cache/rlm-workbench/responses}. */
    public static Path defaultDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("rlm-workbench").resolve("responses");
    }

    /** The key of sample {@code index} of {@code request} asked of {@code model}. */
    public static String key(String model, CompletionRequest request, int index) {
        String material = model + '\n' + request.temperature() + '\n' + request.maxTokens() + '\n'
                + String.join("\u0001", request.stop()) + '\n' + request.seed() + '\n' + index + '\n'
                + request.prompt();
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private Path file(String key) {
        return dir.resolve(key.substring(0, 2)).resolve(key + ".json");
    }

    /** The cached sample, or empty on a miss (an unreadable file is a miss too). */
    public Optional<Entry> get(String key) {
        try {
            return Optional.of(JSON.readValue(Files.readString(file(key), StandardCharsets.UTF_8), Entry.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Stores a sample atomically.
     *
     * @throws IOException naming the cache file that could not be written
     */
    public void put(String key, Entry entry) throws IOException {
        Path f = file(key);
        try {
            AtomicFiles.writeString(f, JSON.writeValueAsString(entry));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write cache entry", e);
        } catch (IOException e) {
            throw new IOException("cannot write the response cache file " + f + ": " + e.getMessage(), e);
        }
    }
}
