package org.rlmworkbench.runner.neural;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.rlmworkbench.runner.io.AtomicFiles;
import org.rlmworkbench.runner.io.TextFiles;

/**
 * A set of trained networks published at once. The files are written into a new directory
 * {@code set-N} beside the pointer {@code models.json}, forced to disk, and only then does the
 * pointer (replaced atomically) name the new set; the old set is deleted after. A kill at any
 * moment leaves the pointer naming the old set or the new one, each complete. The pointer lists
 * every file with its size and SHA-256, so a damaged set is refused by name.
 */
public final class ModelSet {

    /** The pointer file in a model directory. */
    public static final String POINTER = "models.json";
    /** The value of the pointer's {@code format} field. */
    public static final String FORMAT = "rlm-workbench-model-set";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelSet() {
    }

    /** Publishes the network files of {@code from} (e.g. the last phase's directory) as the set of {@code dir}. */
    public static Path publishFrom(Path from, Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        for (NetKind k : NetKind.values()) {
            for (String ext : new String[] {".json", ".params"}) {
                Path f = from.resolve(k.file() + ext);
                if (Files.isRegularFile(f)) {
                    files.put(k.file() + ext, Files.readAllBytes(f));
                }
            }
        }
        return publish(dir, files);
    }

    /**
     * Publishes {@code files} (name to bytes) as the model set of {@code dir}, all or nothing.
     *
     * @return the new set's directory
     */
    public static Path publish(Path dir, Map<String, byte[]> files) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempDirectory(dir, ".set-new-");
        ObjectNode listed = JSON.createObjectNode();
        for (Map.Entry<String, byte[]> f : new TreeMap<>(files).entrySet()) {
            Path p = tmp.resolve(f.getKey());
            try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.wrap(f.getValue());
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            ObjectNode o = listed.putObject(f.getKey());
            o.put("bytes", f.getValue().length);
            o.put("sha256", sha256(f.getValue()));
        }
        AtomicFiles.syncDirectory(tmp);
        int generation = nextGeneration(dir);
        Path set = dir.resolve("set-" + generation);
        Files.move(tmp, set, StandardCopyOption.ATOMIC_MOVE);
        AtomicFiles.syncDirectory(dir);
        ObjectNode pointer = JSON.createObjectNode();
        pointer.put("format", FORMAT);
        pointer.put("version", 1);
        pointer.put("set", set.getFileName().toString());
        pointer.set("files", listed);
        AtomicFiles.writeString(dir.resolve(POINTER), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(pointer)
                + "\n");
        deleteOthers(dir, set.getFileName().toString());
        return set;
    }

    /**
     * The directory whose network files {@code dir} stands for: the set its pointer names, checked
     * file by file, or {@code dir} itself when it has no pointer (a phase directory, or one made by
     * hand), checked for networks with a config but no parameters or the other way round.
     *
     * @throws ModelFileException naming the missing, damaged or unexpected file
     */
    public static Path resolve(Path dir) {
        Path pointer = dir.resolve(POINTER);
        if (!Files.exists(pointer)) {
            checkLooseFiles(dir);
            return dir;
        }
        JsonNode p;
        try {
            p = JSON.readTree(TextFiles.read(pointer, "a model set pointer", 1 << 20));
        } catch (IOException e) {
            throw new ModelFileException(pointer, "cannot read the model set pointer: " + e.getMessage(), e);
        }
        if (p == null || !FORMAT.equals(p.path("format").asText()) || !p.path("set").isTextual()
                || !p.path("files").isObject()) {
            throw new ModelFileException(pointer, "not a model set pointer (expected \"format\": \"" + FORMAT
                    + "\", \"set\" and \"files\")");
        }
        String name = p.path("set").asText();
        if (!name.matches("set-[0-9]+")) {
            throw new ModelFileException(pointer, "field set: expected set-N, got \"" + name + "\"");
        }
        Path set = dir.resolve(name);
        if (!Files.isDirectory(set)) {
            throw new ModelFileException(set, "missing: " + POINTER + " names it; the model set is incomplete");
        }
        Iterator<Map.Entry<String, JsonNode>> it = p.path("files").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            Path f = set.resolve(e.getKey()).normalize();
            if (!f.getParent().equals(set.normalize())) {
                throw new ModelFileException(pointer, "field files: \"" + e.getKey() + "\" is not a file name");
            }
            if (!Files.isRegularFile(f)) {
                throw new ModelFileException(f, "missing from the model set (" + POINTER + " lists it)");
            }
            try {
                byte[] bytes = Files.readAllBytes(f);
                if (bytes.length != e.getValue().path("bytes").asLong(-1)
                        || !sha256(bytes).equals(e.getValue().path("sha256").asText())) {
                    throw new ModelFileException(f, "damaged: its size or checksum differs from " + POINTER);
                }
            } catch (IOException ex) {
                throw new ModelFileException(f, "cannot read it: " + ex.getMessage(), ex);
            }
        }
        checkLooseFiles(set);
        return set;
    }

    /**
     * Parameters without their config: an incomplete set, which would otherwise load without that
     * network. (A config without its parameters is refused by {@link NeuralNet#load}, after the
     * config itself is checked.)
     */
    private static void checkLooseFiles(Path dir) {
        for (NetKind k : NetKind.values()) {
            if (Files.exists(dir.resolve(k.file() + ".params")) && !Files.exists(dir.resolve(k.file() + ".json"))) {
                throw new ModelFileException(dir.resolve(k.file() + ".json"), "missing, though " + k.file()
                        + ".params is there: an incomplete model set (was a copy or a training run interrupted?)");
            }
        }
    }

    private static int nextGeneration(Path dir) throws IOException {
        int max = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "set-*")) {
            for (Path p : ds) {
                String n = p.getFileName().toString().substring(4);
                if (n.matches("[0-9]{1,9}")) {
                    max = Math.max(max, Integer.parseInt(n));
                }
            }
        }
        return max + 1;
    }

    /** Removes older sets and abandoned temporary ones; a failure here leaves only clutter. */
    private static void deleteOthers(Path dir, String keep) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (!n.equals(keep) && Files.isDirectory(p) && (n.matches("set-[0-9]+") || n.startsWith(".set-new-"))) {
                    deleteTree(p);
                }
            }
        } catch (IOException e) {
            // old sets stay behind; the pointer already names the new one
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
