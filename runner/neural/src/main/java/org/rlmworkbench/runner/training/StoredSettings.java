package org.rlmworkbench.runner.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.rlmworkbench.runner.io.AtomicFiles;
import org.rlmworkbench.runner.neural.ModelSet;

/**
 * The settings a training directory was made with ({@code settings.json}): a run resumes from the
 * directory's checkpoints only when its settings are the same (more phases is fine), otherwise it
 * is refused with the differences listed, or the directory is cleared with {@link #startOver}.
 */
public final class StoredSettings {

    /** The settings file in a training directory. */
    public static final String FILE = "settings.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredSettings() {
    }

    /**
     * Stores {@code s} in {@code out} when it holds no training yet; otherwise checks that it was
     * made with the same settings.
     *
     * @throws SettingsMismatchException listing every setting that differs
     */
    static void checkOrStore(Path out, TrainingSettings s) throws IOException {
        Path file = out.resolve(FILE);
        JsonNode now = JSON.readTree(JSON.writeValueAsString(s)); // as read back from the file, floats included
        if (Files.exists(file)) {
            JsonNode before;
            try {
                before = JSON.readTree(file.toFile());
            } catch (IOException e) {
                throw new SettingsMismatchException(file + ": cannot read the stored settings (" + e.getMessage()
                        + "); run again with --fresh to start over");
            }
            List<String> diffs = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> it = now.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("phases")) {
                    continue; // asking for more (or fewer) phases continues the same training
                }
                JsonNode old = before == null ? null : before.get(e.getKey());
                if (old == null && e.getKey().equals("lmData")) {
                    old = JSON.valueToTree(TrainingSettings.LmData.VISITED); // stored before the setting existed
                }
                if (old == null || !sameValue(old, e.getValue())) {
                    diffs.add(e.getKey() + " " + (old == null ? "(none)" : old) + " there, " + e.getValue() + " now");
                }
            }
            if (!diffs.isEmpty()) {
                throw new SettingsMismatchException(out + " holds a training run with other settings: "
                        + String.join("; ", diffs) + ". Run with the same settings to resume it, or add --fresh to"
                        + " start over (its checkpoints and models are deleted)");
            }
            return;
        }
        if (hasCheckpoints(out)) {
            throw new SettingsMismatchException(out + " holds checkpoints (phase-N) but no " + FILE
                    + ", so whether they match these settings is unknown; add --fresh to start over");
        }
        AtomicFiles.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(now) + "\n");
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        return a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) == 0 : a.equals(b);
    }

    private static boolean hasCheckpoints(Path out) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(out, "phase-*")) {
            return ds.iterator().hasNext();
        }
    }

    /**
     * Deletes what training wrote into {@code out}: phase directories, the published model set,
     * the stored settings and the networks an older version copied there. Other files stay.
     */
    public static void startOver(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(out)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (Files.isDirectory(p) && (n.matches("phase-[0-9]+") || n.matches("set-[0-9]+")
                        || n.startsWith(".set-new-"))) {
                    try (Stream<Path> s = Files.walk(p)) {
                        for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(f);
                        }
                    }
                } else if (n.equals(FILE) || n.equals(ModelSet.POINTER)
                        || n.matches("(value|policy|lm)\\.(json|params)")) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
