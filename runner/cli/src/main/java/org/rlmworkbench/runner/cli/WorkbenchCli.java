package org.rlmworkbench.runner.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless command line: {@code run}, {@code eval}, {@code validate}, {@code bench},
 * {@code list}, {@code train}, {@code import}, {@code export} and {@code dataset}. Exit codes: 0 success, 1 run failure, 2 usage or input error.
 */
@Command(name = "workbench", mixinStandardHelpOptions = true, version = "RLM Workbench 0.1",
        description = "Runs reasoning schemes on problems, headless. With no command the app opens its window.",
        subcommands = {RunCommand.class, EvalCommand.class, ValidateCommand.class, BenchCommand.class,
            ListCommand.class, TrainCommand.class, ServeCommand.class, ModelsCommand.class, ImportCommand.class,
            ExportCommand.class, DatasetCommand.class,
            CommandLine.HelpCommand.class})
public final class WorkbenchCli implements Runnable {

    /** Exit code of a run that failed. */
    public static final int RUN_FAILURE = 1;
    /** Exit code of bad usage or bad input. */
    public static final int INPUT_ERROR = 2;
    /** Exit code of a run stopped because the heap was nearly full (the results so far are kept). */
    public static final int OUT_OF_MEMORY = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (for tests and the app). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new WorkbenchCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + ex.getMessage());
            // a bad option value found inside a command (OptionChecks) is the user's input, not a failed run
            return ex instanceof InputException ? INPUT_ERROR : RUN_FAILURE;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // last resort, where no guard stopped the work in time: a message, not a stack trace
            err.println("error: out of memory (the heap is " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MiB, set by -Xmx); give Java more (WORKBENCH_JAVA_OPTS=-Xmx4g) or ask for less work");
            return OUT_OF_MEMORY;
        }
    }
}
