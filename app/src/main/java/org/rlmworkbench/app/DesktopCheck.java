package org.rlmworkbench.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the window needs on Linux before JavaFX starts, said in words instead of a JavaFX stack
 * trace: a display (X11 or Wayland) and GTK 3 ({@code libgtk-3-0} on Debian and Ubuntu). Monocle
 * (the headless tests) needs neither.
 */
final class DesktopCheck {
    /** The folders where distributions put libgtk-3.so.0. */
    static final List<Path> LIBRARY_DIRS = List.of(Path.of("/usr/lib/x86_64-linux-gnu"),
            Path.of("/usr/lib/aarch64-linux-gnu"), Path.of("/lib/x86_64-linux-gnu"), Path.of("/lib/aarch64-linux-gnu"),
            Path.of("/usr/lib64"), Path.of("/usr/lib"), Path.of("/lib64"), Path.of("/lib"), Path.of("/usr/local/lib"));
    static final String GTK = "libgtk-3.so.0";

    private DesktopCheck() {
    }

    /** The reason the window cannot open here, or empty when it can (as far as can be told). */
    static Optional<String> problem(String osName, boolean monocle, Map<String, String> env, List<Path> libraryDirs) {
        if (!osName.toLowerCase(Locale.ROOT).contains("linux") || monocle) {
            return Optional.empty();
        }
        if (isBlank(env.get("DISPLAY")) && isBlank(env.get("WAYLAND_DISPLAY"))) {
            return Optional.of("workbench: no display to open the window on (DISPLAY is not set).\n"
                    + "Run it in a desktop session (or under Xvfb), or use the headless commands: ./workbench --help");
        }
        List<Path> dirs = new ArrayList<>(libraryDirs);
        String ld = env.get("LD_LIBRARY_PATH");
        if (!isBlank(ld)) {
            for (String d : ld.split(":")) {
                if (!d.isBlank()) {
                    dirs.add(Path.of(d));
                }
            }
        }
        if (dirs.stream().noneMatch(d -> Files.exists(d.resolve(GTK)))) {
            return Optional.of("workbench: the window needs GTK 3, and " + GTK + " was not found.\n"
                    + "Install it (Debian/Ubuntu: sudo apt-get install libgtk-3-0; Fedora: sudo dnf install gtk3),"
                    + " or use the headless commands: ./workbench --help");
        }
        return Optional.empty();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
