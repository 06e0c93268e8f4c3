package org.rlmworkbench.runner.trace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Objects;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.event.RunListener;
import org.rlmworkbench.runner.io.AtomicFiles;

/**
 * Records a run as JSON Lines, one event per line. Events hold no clock times, so the same
 * scheme, problem, models and seed give the same bytes.
 *
 * <p>A writer made by {@link #toFile} writes to {@code .NAME.part} beside the trace, under an
 * exclusive lock, and moves it over the trace only when {@link #close} commits: an existing trace
 * is never truncated by a run that fails, and a second run writing the same trace at the same time
 * is refused. A trace stops growing at its size limit ({@link TraceTooLargeException}).
 */
public final class TraceWriter implements RunListener, AutoCloseable {

    /** The default size limit of a trace: 2 GiB. */
    public static final long DEFAULT_LIMIT_BYTES = 2L << 30;

    private final Writer out;
    private final long limitBytes;
    private final Path target;
    private final Path part;
    private final FileChannel channel;
    private final FileLock lock;
    private long bytes;
    private long lines;
    private boolean closed;

    public TraceWriter(Writer out) {
        this(out, DEFAULT_LIMIT_BYTES);
    }

    /** A writer to {@code out} that refuses to grow past {@code limitBytes}. */
    public TraceWriter(Writer out, long limitBytes) {
        this(out instanceof BufferedWriter ? out : new BufferedWriter(out, 1 << 16), limitBytes, null, null, null,
                null);
    }

    private TraceWriter(Writer out, long limitBytes, Path target, Path part, FileChannel channel, FileLock lock) {
        if (limitBytes < 1) {
            throw new IllegalArgumentException("trace size limit must be positive, got " + limitBytes);
        }
        this.out = Objects.requireNonNull(out);
        this.limitBytes = limitBytes;
        this.target = target;
        this.part = part;
        this.channel = channel;
        this.lock = lock;
    }

    /** A writer to {@code file} with the default size limit. */
    public static TraceWriter toFile(Path file) throws IOException {
        return toFile(file, DEFAULT_LIMIT_BYTES);
    }

    /**
     * A writer whose lines go to {@code file} when {@link #close} commits them.
     *
     * @throws TraceBusyException when another run is writing the same trace now
     * @throws IOException naming the file when its directory cannot be written
     */
    public static TraceWriter toFile(Path file, long limitBytes) throws IOException {
        Path target = AtomicFiles.resolveLinks(file);
        if (Files.isDirectory(target)) {
            throw new IOException(file + ": is a directory, not a trace file");
        }
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path part = dir.resolve("." + target.getFileName() + ".part");
        // the lock file stays beside the trace (empty): deleting it would let a third run lock a new one
        Path lockFile = dir.resolve("." + target.getFileName() + ".lock");
        FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new TraceBusyException(file + ": another run is writing this trace now (" + lockFile.getFileName()
                    + " is locked); give this run its own --trace file");
        }
        try {
            FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            Writer w = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(ch), StandardCharsets.UTF_8),
                    1 << 16);
            return new TraceWriter(w, limitBytes, target, part, ch, lock);
        } catch (IOException | RuntimeException e) {
            lock.release();
            lockChannel.close();
            throw e;
        }
    }

    /** The file the trace is committed to (null for a writer to a stream). */
    public Path target() {
        return target;
    }

    /** Bytes written so far. */
    public synchronized long bytes() {
        return bytes;
    }

    /** Events written so far. */
    public synchronized long events() {
        return lines;
    }

    @Override
    public synchronized void onEvent(RunEvent event) {
        if (closed) {
            throw new IllegalStateException("trace " + (target == null ? "" : target + " ") + "is closed");
        }
        String line = TraceJson.toLine(event);
        long size = line.length() + 1L; // chars: exact for ASCII, a lower bound otherwise
        if (bytes + size > limitBytes) {
            throw new TraceTooLargeException(String.format(Locale.ROOT,
                    "%sreached its size limit of %s after %d events; the run was stopped and the events so far kept",
                    target == null ? "the trace " : "trace " + target + " ", human(limitBytes), lines), limitBytes);
        }
        try {
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trace" + (part == null ? "" : " " + part) + ": "
                    + e.getMessage(), e);
        }
        bytes += size;
        lines++;
    }

    /** Writes buffered lines out (whole lines only: every line is written in one piece). */
    public synchronized void flush() throws IOException {
        if (!closed) {
            out.flush();
        }
    }

    /** Flushes, forces to disk and, for a file, moves the lines over the trace file; then releases the lock. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.flush();
            if (channel != null) {
                channel.force(true);
                out.close();
                AtomicFiles.moveIntoPlace(part, target);
            }
        } finally {
            out.close();
            release();
        }
    }

    /** Drops what this writer wrote; an existing trace file stays as it was. */
    public synchronized void discard() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (part != null) {
                out.close();
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            // nothing more to do: the trace itself was never touched
        } finally {
            try {
                out.close();
                release();
            } catch (IOException e) {
                // closing a channel we are abandoning
            }
        }
    }

    private void release() throws IOException {
        if (lock != null) {
            lock.channel().close(); // releases the lock
        }
    }

    static String human(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GiB";
        }
        if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        return bytes + " bytes";
    }
}
