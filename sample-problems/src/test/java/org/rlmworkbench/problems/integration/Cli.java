package org.rlmworkbench.problems.integration;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.rlmworkbench.runner.cli.WorkbenchCli;

/** Runs the command line in-process and keeps what it printed, for the integration tests. */
final class Cli {

    /** Exit code and the two streams of one command. */
    record Result(int code, String out, String err) {
    }

    private Cli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WorkbenchCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }
}
