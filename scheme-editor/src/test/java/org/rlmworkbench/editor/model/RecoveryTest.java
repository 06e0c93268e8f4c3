package org.rlmworkbench.editor.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.runner.scheme.NodeType;
import org.rlmworkbench.runner.scheme.Position;
import org.rlmworkbench.runner.scheme.Scheme;

/** Autosave and recovery after a simulated crash: a session that never closes cleanly. */
class RecoveryTest {

    @TempDir
    Path dir;

    @Test
    void unsavedWorkOfACrashedSessionIsOfferedBack() throws Exception {
        EditorPaths paths = new EditorPaths(dir.resolve("config"));
        SchemeEditorModel crashed = new SchemeEditorModel(paths);
        crashed.openTemplate("mcts");
        Path file = dir.resolve("mine.json");
        crashed.saveAs(file);
        crashed.setParam("select", "c", "3.5");
        crashed.addNode(NodeType.PRUNE, new Position(600, 400));
        crashed.autosave();
        Scheme lost = crashed.getScheme();
        // the session dies here: no save, no clean close

        SchemeEditorModel next = new SchemeEditorModel(paths);
        var pending = next.pendingRecovery();
        assertThat(pending).isPresent();
        assertThat(pending.get().file()).isEqualTo(file.toAbsolutePath());
        next.restore(pending.get());
        assertThat(next.getScheme()).isEqualTo(lost);
        assertThat(next.getFile()).isEqualTo(file.toAbsolutePath());
        assertThat(next.isDirty()).isTrue();
        // the recovery can itself be undone back to the file on disk
        next.undo();
        assertThat(next.getScheme().node("select").orElseThrow().params().get("c")).isEqualTo(1.25);
        next.redo();
        next.save();
        assertThat(next.pendingRecovery()).isEmpty();
    }

    @Test
    void untitledWorkIsRecoveredToo() {
        EditorPaths paths = new EditorPaths(dir.resolve("config"));
        SchemeEditorModel crashed = new SchemeEditorModel(paths);
        crashed.addNode(NodeType.START, Position.ORIGIN);
        crashed.moveNodes(Map.of("start", new Position(55, 66)));
        crashed.autosave();

        SchemeEditorModel next = new SchemeEditorModel(paths);
        var pending = next.pendingRecovery().orElseThrow();
        assertThat(pending.file()).isNull();
        next.restore(pending);
        assertThat(next.getScheme()).isEqualTo(crashed.getScheme());
        assertThat(next.getFile()).isNull();
    }

    @Test
    void nothingIsOfferedAfterACleanCloseOrWhenNothingChanged() {
        EditorPaths paths = new EditorPaths(dir.resolve("config"));
        SchemeEditorModel m = new SchemeEditorModel(paths);
        m.addNode(NodeType.START, Position.ORIGIN);
        m.autosave();
        assertThat(Files.exists(paths.recoveryScheme())).isTrue();
        m.closed();
        assertThat(new SchemeEditorModel(paths).pendingRecovery()).isEmpty();

        SchemeEditorModel clean = new SchemeEditorModel(paths);
        clean.openTemplate("beam");
        clean.autosave();
        assertThat(clean.pendingRecovery()).isEmpty();
    }

    @Test
    void aCorruptRecoveryFileIsIgnored() throws Exception {
        EditorPaths paths = new EditorPaths(dir.resolve("config"));
        Files.createDirectories(paths.configDir());
        Files.writeString(paths.recoveryScheme(), "{ not json");
        assertThat(new SchemeEditorModel(paths).pendingRecovery()).isEmpty();
    }
}
