package org.rlmworkbench.runner.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.rlmworkbench.runner.scheme.SchemeError;
import org.rlmworkbench.runner.scheme.SchemeIO;
import org.rlmworkbench.runner.scheme.SchemeLoad;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code workbench validate FILE...}: every problem of every file, each with file, node and field. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Checks scheme files; exits 2 on any error.")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "scheme files")
    List<Path> files;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        boolean failed = false;
        for (Path f : files) {
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
}
