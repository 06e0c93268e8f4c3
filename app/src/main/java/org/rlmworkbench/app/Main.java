package org.rlmworkbench.app;

import java.util.Set;
import javafx.application.Application;
import org.rlmworkbench.runner.cli.WorkbenchCli;

/** The launcher: the workbench window with no arguments (or window options), the headless CLI with a command. */
public final class Main {
    private static final Set<String> WINDOW_OPTIONS = Set.of("--workspace", "--presentation", "--play", "--writer", "--judge");

    private Main() {
    }

    /** On Linux a window needs an X11 or Wayland display; Monocle (tests) needs none. */
    private static boolean noDisplay() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        boolean monocle = "Monocle".equals(System.getProperty("glass.platform"));
        return linux && !monocle && isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    public static void main(String[] args) {
        if (args.length == 0 || WINDOW_OPTIONS.contains(args[0])) {
            if (noDisplay()) {
                System.err.println("workbench: no display to open the window on (DISPLAY is not set).\n"
                        + "Run it in a desktop session, or use the headless commands: ./workbench --help");
                System.exit(WorkbenchCli.INPUT_ERROR);
            }
            Application.launch(WorkbenchApp.class, args);
        } else {
            WorkbenchCli.main(args);
        }
    }
}
