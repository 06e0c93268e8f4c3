package org.rlmworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher names what is missing (a display, GTK 3) instead of letting JavaFX die with a stack trace. */
class DesktopCheckTest {

    @Test
    void namesTheMissingDisplayThenTheMissingGtkPackage(@TempDir Path dir) throws Exception {
        Path lib = dir.resolve("lib");
        Files.createDirectories(lib);
        assertThat(DesktopCheck.problem("Linux", false, Map.of(), List.of(lib))).hasValueSatisfying(
                m -> assertThat(m).contains("no display").contains("DISPLAY"));
        assertThat(DesktopCheck.problem("Linux", false, Map.of("DISPLAY", ":41"), List.of(lib))).hasValueSatisfying(
                m -> assertThat(m).contains("GTK 3").contains("libgtk-3-0"));
        // found through LD_LIBRARY_PATH, or in a library folder: the window may open
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        Files.writeString(other.resolve(DesktopCheck.GTK), "");
        assertThat(DesktopCheck.problem("Linux", false, Map.of("DISPLAY", ":41", "LD_LIBRARY_PATH", "/x:" + other),
                List.of(lib))).isEmpty();
        Files.writeString(lib.resolve(DesktopCheck.GTK), "");
        assertThat(DesktopCheck.problem("Linux", false, Map.of("WAYLAND_DISPLAY", "wayland-0"), List.of(lib))).isEmpty();
        // the headless tests (Monocle) and other systems need neither
        assertThat(DesktopCheck.problem("Linux", true, Map.of(), List.of(dir))).isEmpty();
        assertThat(DesktopCheck.problem("Mac OS X", false, Map.of(), List.of(dir))).isEmpty();
    }
}
