package org.rlmworkbench.editor.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;
import org.rlmworkbench.runner.scheme.Position;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.scheme.SchemeError;
import org.rlmworkbench.runner.scheme.SchemeIO;
import org.rlmworkbench.runner.scheme.SchemeLoad;

/** Saving and opening: exact round trips, schemes with errors, broken and foreign files, recent files. */
class FilesTest {

    @TempDir
    Path dir;
    SchemeEditorModel model;

    @BeforeEach
    void setUp() {
        model = new SchemeEditorModel(new EditorPaths(dir.resolve("config")));
    }

    static List<String> builtins() {
        return BuiltinSchemes.NAMES;
    }

    @ParameterizedTest
    @MethodSource("builtins")
    void everyBuiltinRoundTripsExactly(String name) throws Exception {
        model.openTemplate(name);
        // move one node so positions other than the template's are round-tripped too
        String first = model.getScheme().nodes().get(0).id();
        model.moveNodes(Map.of(first, new Position(123.5, -7.25)));
        Scheme edited = model.getScheme();
        Path file = dir.resolve(name + ".json");
        model.saveAs(file);
        assertThat(model.isDirty()).isFalse();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(SchemeIO.toJson(edited));

        SchemeEditorModel other = new SchemeEditorModel(new EditorPaths(dir.resolve("config2")));
        SchemeLoad load = other.open(file);
        assertThat(load.errors()).noneMatch(SchemeError::isError);
        assertThat(other.getScheme()).isEqualTo(edited);
        assertThat(other.getScheme().node(first).orElseThrow().position()).isEqualTo(new Position(123.5, -7.25));
        assertThat(other.isDirty()).isFalse();
        // saving again without a change writes the same bytes
        other.save();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(SchemeIO.toJson(edited));
    }

    @Test
    void builtinTemplatesSaveToTheSameJson() throws Exception {
        // the resources escape some characters (\u00b7) that the writer writes as they are: compare as JSON
        ObjectMapper json = new ObjectMapper();
        for (String name : BuiltinSchemes.NAMES) {
            model.openTemplate(name);
            Path file = dir.resolve("copy-" + name + ".json");
            model.saveAs(file);
            assertThat(json.readTree(file.toFile())).as(name)
                    .isEqualTo(json.readTree(BuiltinSchemes.json(name).orElseThrow()));
        }
    }

    @Test
    void aSchemeWithErrorsIsSavedAndReopenedWithItsErrors() throws Exception {
        model.openTemplate("mcts");
        model.resetParam("loop", "iterations");
        model.setParamValue("select", "c", 2.0);
        List<SchemeError> errors = List.copyOf(model.problems());
        assertThat(errors).anyMatch(e -> "loop".equals(e.nodeId()) && e.message().contains("loop without a budget"));
        Path file = dir.resolve("broken-budget.json");
        model.saveAs(file);

        SchemeEditorModel other = new SchemeEditorModel(new EditorPaths(dir.resolve("config2")));
        SchemeLoad load = other.open(file);
        assertThat(load.scheme()).isEqualTo(model.getScheme());
        assertThat(other.problems()).containsExactlyElementsOf(errors);
    }

    @Test
    void brokenAndForeignFilesGiveMessagesAndNeverThrow() throws Exception {
        model.openTemplate("beam");
        Scheme before = model.getScheme();
        Map<String, String> files = Map.of(
                "malformed.json", "{\"format\": \"rlm-workbench-scheme\", \"nodes\": [",
                "foreign.json", "{\"hello\": \"world\"}",
                "array.json", "[1, 2, 3]",
                "empty.json", "",
                "future.json", "{\"format\": \"rlm-workbench-scheme\", \"version\": 99, \"nodes\": [], \"wires\": []}");
        for (var e : files.entrySet()) {
            Path f = dir.resolve(e.getKey());
            Files.writeString(f, e.getValue());
            SchemeLoad load = model.open(f);
            assertThat(load.scheme()).as(e.getKey()).isNull();
            assertThat(load.errors()).as(e.getKey()).isNotEmpty().allMatch(SchemeError::isError);
            assertThat(model.getScheme()).isEqualTo(before);
        }
        Files.write(dir.resolve("binary.json"), new byte[] {(byte) 0xff, 0, 1, (byte) 0xfe});
        assertThat(model.open(dir.resolve("binary.json")).errors()).isNotEmpty();
        assertThat(model.open(dir.resolve("missing.json")).errors()).anyMatch(e -> e.message().contains("cannot read"));
        assertThat(model.getScheme()).isEqualTo(before);
    }

    @Test
    void aSchemeFileWithBadContentOpensWithItsErrorsListed() throws Exception {
        String text = BuiltinSchemes.json("mcts").orElseThrow()
                .replaceAll("\"type\"\\s*:\\s*\"Select\"", "\"type\": \"Teleport\"")
                .replaceAll("\"c\"\\s*:\\s*1\\.25", "\"c\": [1]");
        assertThat(text).contains("Teleport").contains("[1]");
        Path f = dir.resolve("odd.json");
        Files.writeString(f, text);
        SchemeLoad load = model.open(f);
        assertThat(load.scheme()).isNotNull();
        assertThat(model.problems()).anyMatch(e -> "select".equals(e.nodeId()) && e.message().contains("Teleport"))
                .anyMatch(e -> "params.c".equals(e.field()));
        assertThat(model.getFile()).isEqualTo(f);
        // once saved, the unreadable value is gone from the file, and from the list
        model.saveAs(dir.resolve("odd-saved.json"));
        assertThat(model.problems()).noneMatch(e -> "params.c".equals(e.field()))
                .anyMatch(e -> e.message().contains("Teleport"));
    }

    @Test
    void recentFilesAreNewestFirstWithoutRepeats() throws Exception {
        for (int i = 0; i < 12; i++) {
            model.openTemplate("dfs");
            model.saveAs(dir.resolve("f" + i + ".json"));
        }
        model.open(dir.resolve("f5.json"));
        List<Path> recent = new RecentFiles(new EditorPaths(dir.resolve("config")).recentFiles()).list();
        assertThat(recent).hasSize(RecentFiles.MAX);
        assertThat(recent.get(0).getFileName().toString()).isEqualTo("f5.json");
        assertThat(recent.get(1).getFileName().toString()).isEqualTo("f11.json");
        assertThat(recent).doesNotHaveDuplicates();
        assertThat(new SchemeEditorModel(new EditorPaths(dir.resolve("config"))).recentFiles()).isEqualTo(recent);
    }

    @Test
    void saveIntoAMissingDirectoryFailsWithoutTouchingTheModel() throws Exception {
        model.openTemplate("mcts");
        model.toggleBreakpoint("select");
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "a file, not a directory");
        try {
            model.saveAs(blocker.resolve("x.json"));
        } catch (java.io.IOException expected) {
            // fine: the model keeps its state
        }
        assertThat(model.isDirty()).isTrue();
        assertThat(model.getFile()).isNull();
    }

    @Test
    void savingABuiltInSchemeFileWritesACopyInTheUsersFolderAndLeavesTheInstallationAlone() throws Exception {
        // an installed scheme file, as the source tree holds it
        Path installed = dir.resolve("src/main/resources/org/rlmworkbench/runner/schemes/mcts.json");
        Files.createDirectories(installed.getParent());
        Files.writeString(installed, BuiltinSchemes.json("mcts").orElseThrow());
        String before = Files.readString(installed);
        model.open(installed);
        model.toggleBreakpoint("select");
        model.save();
        assertThat(Files.readString(installed)).isEqualTo(before);
        Path copy = dir.resolve("config/schemes/mcts.json");
        assertThat(model.getFile()).isEqualTo(copy);
        assertThat(model.isDirty()).isFalse();
        assertThat(new SchemeEditorModel(new EditorPaths(dir.resolve("c2"))).open(copy).scheme().node("select")
                .orElseThrow().breakpoint()).isTrue();
    }
}
