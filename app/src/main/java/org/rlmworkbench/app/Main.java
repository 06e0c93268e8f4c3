package org.rlmworkbench.app;

import org.rlmworkbench.runner.cli.WorkbenchCli;

/** The launcher: the workbench window with no arguments, the headless CLI with a command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            // The window is not built yet: show what the headless workbench can do.
            args = new String[] {"--help"};
        }
        WorkbenchCli.main(args);
    }
}
