package org.rlmworkbench.app.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.app.workspace.WorkspaceException;
import org.rlmworkbench.app.workspace.WorkspaceIO;

/** A workspace that cannot be run is refused when it is read, naming the file and the field (issue 16). */
class WorkspaceChecksTest {

    @Test
    void anUnknownProblemABadInstanceOrABrokenTraceIsRefused(@TempDir Path dir) throws Exception {
        String good = Fixtures.make(dir.resolve("fx")).workspace();
        Path f = dir.resolve("w.rlmw.json");
        Files.writeString(f, good);
        assertThat(WorkspaceIO.read(f).trace()).isNotEmpty();

        Files.writeString(f, good.replace("\"problem\" : \"game24\"", "\"problem\" : \"chess\""));
        assertThatThrownBy(() -> WorkspaceIO.read(f)).isInstanceOf(WorkspaceException.class)
                .hasMessageContaining(f + ": field problem: unknown problem 'chess'");
        Files.writeString(f, good.replace("\"instance\" : \"4 6 8 2\"", "\"instance\" : \"4 6 8 99\""));
        assertThatThrownBy(() -> WorkspaceIO.read(f)).isInstanceOf(WorkspaceException.class)
                .hasMessageContaining(f + ": field instance:").hasMessageContaining("99");
        Files.writeString(f, good.replaceFirst("\"parent\" : 0,", "\"parent\" : 4000,"));
        assertThatThrownBy(() -> WorkspaceIO.read(f)).isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("field trace[").hasMessageContaining("node 4000");
        Files.write(f, ("\uFEFF" + good).getBytes(StandardCharsets.UTF_8));
        assertThat(WorkspaceIO.read(f).setup().problem()).isEqualTo("game24");
        Files.writeString(f, good + "\n{}");
        assertThatThrownBy(() -> WorkspaceIO.read(f)).isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("malformed JSON");
    }
}
