package org.rlmworkbench.runner.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.rlmworkbench.runner.scheme.SchemeError;
import org.rlmworkbench.runner.scheme.SchemeIO;
import org.rlmworkbench.runner.scheme.SchemeLoad;
import org.rlmworkbench.runner.trace.TraceContents;
import org.rlmworkbench.runner.trace.TraceReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code workbench validate FILE...}: every problem of every file, each with file, node and field. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks scheme files and (*.jsonl) trace files; exits 2 on any error.")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "scheme files, or traces (*.jsonl)")
    List<Path> files;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        boolean failed = false;
        for (Path f : files) {
            if (f.getFileName() != null && f.getFileName().toString().endsWith(".jsonl")) {
                failed |= !validTrace(f, out);
                continue;
            }
            SchemeLoad load = SchemeIO.read(f);
            for (SchemeError e : load.errors()) {
                out.println(f + ": " + e);
            }
            if (load.hasErrors() || load.scheme() == null) {
                failed = true;
            } else {
                out.println(f + ": ok" + (load.errors().isEmpty() ? "" : " (with warnings)"));
            }
        }
        return failed ? WorkbenchCli.INPUT_ERROR : 0;
    }

    /** Reads a trace through, replaying its graph; prints what is wrong with it, or how many events it holds. */
    private static boolean validTrace(Path f, java.io.PrintWriter out) {
        try {
            TraceContents c = TraceReader.load(f);
            if (c.warning() != null) {
                out.println("warning: " + c.warning());
            }
            out.println(f + ": ok, a trace of " + c.events().size() + " events");
            return true;
        } catch (java.nio.file.NoSuchFileException e) {
            out.println(f + ": error: no such file");
        } catch (java.io.IOException e) {
            out.println("error: " + e.getMessage());
        }
        return false;
    }
}
