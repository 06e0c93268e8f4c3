package org.rlmworkbench.app;

import java.util.Set;
import javafx.application.Application;
import org.rlmworkbench.runner.cli.WorkbenchCli;

/** The launcher: the workbench window with no arguments (or window options), the headless CLI with a command. */
public final class Main {
    private static final Set<String> WINDOW_OPTIONS = Set.of("--workspace", "--presentation", "--play", "--speed",
            "--writer", "--judge", "--models");

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || WINDOW_OPTIONS.contains(args[0])) {
            var problem = DesktopCheck.problem(System.getProperty("os.name", ""),
                    "Monocle".equals(System.getProperty("glass.platform")), System.getenv(), DesktopCheck.LIBRARY_DIRS);
            if (problem.isPresent()) {
                System.err.println(problem.get());
                System.exit(WorkbenchCli.INPUT_ERROR);
            }
            Application.launch(WorkbenchApp.class, args);
        } else {
            WorkbenchCli.main(args);
        }
    }
}
