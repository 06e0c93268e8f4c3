package org.rlmworkbench.runner.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Atomic saves: write a temporary file beside the target, force it to disk, then move it over the
 * target and force the directory, so that after a crash or a kill the file is the old version or
 * the new one, complete. A symbolic link is written through to its target (the link stays), and an
 * existing file keeps its permissions; a new file gets the usual rw-r--r--.
 */
public final class AtomicFiles {

    private static final Set<PosixFilePermission> NEW_FILE = Set.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

    private AtomicFiles() {
    }

    /** Writes text to {@code file} so that readers see the old content or the new, never half. */
    public static void writeString(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes bytes to {@code file} atomically. */
    public static void write(Path file, byte[] bytes) throws IOException {
        Path target = resolveLinks(file);
        Path dir = target.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        if (Files.isDirectory(target)) {
            throw new IOException(file + ": is a directory");
        }
        Set<PosixFilePermission> mode = existingMode(target);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            setMode(tmp, mode);
            moveIntoPlace(tmp, target);
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Moves a finished temporary file over {@code target} (atomically where the file system can)
     * and forces the directory; the temporary file must already be on disk.
     */
    public static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /** The file a path finally names, following symbolic links (also dangling ones), made absolute. */
    public static Path resolveLinks(Path file) throws IOException {
        Path p = file.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops > 40) {
                throw new IOException(file + ": too many levels of symbolic links");
            }
            Path link = Files.readSymbolicLink(p);
            p = p.getParent() == null ? link.toAbsolutePath() : p.getParent().resolve(link).normalize();
        }
        return p;
    }

    /** Forces a directory's entries to disk (where the platform allows opening a directory). */
    public static void syncDirectory(Path dir) {
        if (dir == null) {
            return;
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some platforms (Windows) cannot open a directory; the move itself is still atomic there
        }
    }

    private static Set<PosixFilePermission> existingMode(Path target) throws IOException {
        PosixFileAttributeView v = Files.getFileAttributeView(target, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (v == null) {
            return null;
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return v.readAttributes().permissions();
        }
        return NEW_FILE;
    }

    private static void setMode(Path tmp, Set<PosixFilePermission> mode) throws IOException {
        if (mode != null) {
            PosixFileAttributeView v = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
            if (v != null) {
                v.setPermissions(mode);
            }
        }
    }
}
