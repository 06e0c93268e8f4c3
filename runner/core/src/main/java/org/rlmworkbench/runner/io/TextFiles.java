package org.rlmworkbench.runner.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a text input file with a message that says what is wrong with it: missing, a directory,
 * unreadable, too big for its kind, or not UTF-8 text. A UTF-8 byte-order mark is dropped.
 */
public final class TextFiles {

    private TextFiles() {
    }

    /** A text file that cannot be read as one; the message names the file and what is wrong. */
    public static final class BadTextFileException extends IOException {
        private static final long serialVersionUID = 1L;

        public BadTextFileException(String message) {
            super(message);
        }
    }

    /**
     * The text of {@code file}.
     *
     * @param kind what the file should be, with its article, for messages ("a scheme file")
     * @param maxBytes the largest file accepted
     * @throws BadTextFileException naming the file and what is wrong with it
     */
    public static String read(Path file, String kind, long maxBytes) throws BadTextFileException {
        if (Files.isDirectory(file)) {
            throw new BadTextFileException(file + ": is a directory, expected " + kind);
        }
        if (!Files.exists(file)) {
            throw new BadTextFileException(file + ": no such file (expected " + kind + ")");
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new BadTextFileException(file + ": is " + size(size) + "; " + kind + " is at most "
                        + size(maxBytes));
            }
            if (!Files.isRegularFile(file) && size == 0) {
                // a device or a /proc file: read it, but never more than the limit
                try (var in = Files.newInputStream(file)) {
                    bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                }
                if (bytes.length > maxBytes) {
                    throw new BadTextFileException(file + ": holds more than " + size(maxBytes) + "; " + kind
                            + " is at most that");
                }
            } else {
                bytes = Files.readAllBytes(file);
            }
        } catch (AccessDeniedException e) {
            throw new BadTextFileException(file + ": permission denied (expected " + kind + ", readable" + ")");
        } catch (NoSuchFileException e) {
            throw new BadTextFileException(file + ": no such file (expected " + kind + ")");
        } catch (BadTextFileException e) {
            throw e;
        } catch (IOException e) {
            throw new BadTextFileException(file + ": cannot read it: " + e.getMessage());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadTextFileException(file + ": is not UTF-8 text (a binary file?); expected " + kind);
        }
        if (text.indexOf('\0') >= 0) {
            throw new BadTextFileException(file + ": holds NUL bytes (a binary file?); expected " + kind);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** e.g. {@code 16 MiB}, {@code 3.0 GiB}, {@code 512 bytes}. */
    public static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
        }
        return bytes + " bytes";
    }
}
