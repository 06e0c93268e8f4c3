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
import java.util.List;
import java.util.Optional;
import org.rlmworkbench.runner.io.AtomicFiles;

/**
 * Model responses on disk, one small JSON file per sample, keyed by the model's name, the request's
 * parameters (temperature, max tokens, stop strings), the prompt, the seed and the sample's index:
 * a second run of the same inputs reads every answer from here, costs nothing and repeats the
 * first exactly. Writes are atomic; an unreadable entry counts as a miss.
 *
 * <p>Where it lives: {@link #defaultDirectory()}; the CLI's {@code --cache-dir} and the system
 * property {@code rlm.cache} ({@code off}, or a directory) override it.
 *
 * <p>Size: at most {@link #maxEntries()} files ({@link #DEFAULT_MAX_ENTRIES}, or the system property
 * {@code rlm.cache.max-entries}). A read marks its entry as used (its file's modification time);
 * every {@link #CHECK_EVERY} writes of a process, the first one included, the cache counts its
 * entries and, when over the limit, deletes the least recently used down to 90% of it. Evicting only
 * costs a later run a model call; it never changes an answer a run already has.
 */
public final class ResponseCache {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    /** One cached sample with the figures of the request it came from. */
    public record Entry(Completion.Sample sample, int promptTokens, double latencyMs) {
    }

    /** Entries kept at most unless {@code rlm.cache.max-entries} says otherwise (a few hundred MB at most). */
    public static final long DEFAULT_MAX_ENTRIES = 200_000;
    /** Writes between two counts of the entries. */
    static final int CHECK_EVERY = 500;

    private final Path dir;
    private final long maxEntries;
    private final java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();

    /** A cache in {@code dir} with the size limit the settings give ({@code rlm.cache.max-entries}). */
    public ResponseCache(Path dir) {
        this(dir, maxEntriesFromSettings());
    }

    /** A cache in {@code dir} keeping at most {@code maxEntries} entries (at least 1). */
    public ResponseCache(Path dir, long maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("a response cache must keep at least one entry, not " + maxEntries);
        }
        this.dir = dir;
        this.maxEntries = maxEntries;
    }

    /** The most entries this cache keeps. */
    public long maxEntries() {
        return maxEntries;
    }

    private static long maxEntriesFromSettings() {
        String p = System.getProperty("rlm.cache.max-entries");
        if (p == null || p.isBlank()) {
            return DEFAULT_MAX_ENTRIES;
        }
        try {
            long n = Long.parseLong(p.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("system property rlm.cache.max-entries: '" + p
                + "' is not a positive whole number of entries");
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
        Path f = file(key);
        try {
            Entry e = JSON.readValue(Files.readString(f, StandardCharsets.UTF_8), Entry.class);
            touch(f);
            return Optional.of(e);
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
        if (writes.getAndIncrement() % CHECK_EVERY == 0) {
            trim();
        }
    }

    /** Marks an entry as just used, so eviction keeps it; a file that cannot be touched is left as it is. */
    private static void touch(Path f) {
        try {
            Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // a read-only cache still answers; its entries just age
        }
    }

    /**
     * When the cache holds more than {@link #maxEntries()} entries, deletes the least recently used
     * (oldest modification time; ties by name) down to 90% of the limit.
     *
     * @return how many entries were deleted
     */
    public int trim() {
        List<java.util.Map.Entry<Path, Long>> all = new java.util.ArrayList<>();
        try (java.util.stream.Stream<Path> files = Files.walk(dir, 2)) {
            files.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).forEach(p -> {
                try {
                    all.add(java.util.Map.entry(p, Files.getLastModifiedTime(p).toMillis()));
                } catch (IOException e) {
                    // gone meanwhile (another process evicted it)
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0; // a cache that cannot be listed is not trimmed; answers are unaffected
        }
        if (all.size() <= maxEntries) {
            return 0;
        }
        all.sort(java.util.Map.Entry.<Path, Long>comparingByValue()
                .thenComparing(e -> e.getKey().getFileName().toString()));
        long keep = Math.max(1, maxEntries * 9 / 10);
        int deleted = 0;
        for (int i = 0; i < all.size() - keep; i++) {
            try {
                if (Files.deleteIfExists(all.get(i).getKey())) {
                    deleted++;
                }
            } catch (IOException e) {
                // left for the next trim
            }
        }
        return deleted;
    }
}
