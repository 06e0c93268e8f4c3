package org.rlmworkbench.editor.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.rlmworkbench.runner.io.AtomicFiles;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.scheme.SchemeIO;
import org.rlmworkbench.runner.scheme.SchemeLoad;

/**
 * Autosave of unsaved work: the scheme is written atomically to a recovery file (with the path of
 * the file it belongs to, if any) and removed on a save or a clean close. A recovery file found at
 * start-up means the last session ended without either, and its work is offered back.
 */
public final class RecoveryStore {

    private final Path schemeFile;
    private final Path infoFile;

    public RecoveryStore(EditorPaths paths) {
        this.schemeFile = paths.recoveryScheme();
        this.infoFile = paths.recoveryInfo();
    }

    /** Unsaved work left by an earlier session. */
    public record Recovered(Scheme scheme, Path file, Instant savedAt) {
    }

    /** Writes the recovery file. */
    public void save(Scheme scheme, Path file) throws IOException {
        AtomicFiles.writeString(infoFile, file == null ? "" : file.toAbsolutePath().toString());
        AtomicFiles.writeString(schemeFile, SchemeIO.toJson(scheme));
    }

    /** Removes the recovery file: the work is saved or knowingly dropped. */
    public void clear() {
        try {
            Files.deleteIfExists(schemeFile);
            Files.deleteIfExists(infoFile);
        } catch (IOException e) {
            // a stale recovery file is offered once more, then cleared
        }
    }

    /** The work an earlier session left behind, if any (and if it can still be read). */
    public Optional<Recovered> pending() {
        if (!Files.exists(schemeFile)) {
            return Optional.empty();
        }
        SchemeLoad load = SchemeIO.read(schemeFile);
        if (load.scheme() == null) {
            return Optional.empty();
        }
        Path file = null;
        Instant at = Instant.now();
        try {
            String info = Files.exists(infoFile) ? Files.readString(infoFile, StandardCharsets.UTF_8).trim() : "";
            file = info.isEmpty() ? null : Path.of(info);
            at = Files.getLastModifiedTime(schemeFile).toInstant();
        } catch (IOException | RuntimeException e) {
            // keep what we have: the scheme is what matters
        }
        return Optional.of(new Recovered(load.scheme(), file, at));
    }
}
