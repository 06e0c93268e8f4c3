package org.rlmworkbench.runner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rlmworkbench.runner.export.ExportOptions;
import org.rlmworkbench.runner.export.ExportSummary;
import org.rlmworkbench.runner.export.TrainingDataExport;
import org.rlmworkbench.runner.export.TrainingFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code workbench export TRACE|DIR --as sft|prm|preference --out FILE}: training data from recorded runs. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes training data (sft, prm, preference) as JSON Lines from traces; see docs/training-data.md.")
final class ExportCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRACE|DIR", description = "a trace, or a folder of *.jsonl traces")
    Path input;

    @Option(names = "--as", required = true, description = "sft, prm or preference")
    String as;

    @Option(names = "--out", required = true, description = "the JSON Lines file to write")
    Path out;

    @Option(names = "--all-paths", description = "sft: every distinct solved path, not one per instance")
    boolean allPaths;

    @Option(names = "--label", defaultValue = "solution",
            description = "prm: solution (a verified solution lies below the step) or q (Q, else V, above --threshold)")
    String label;

    @Option(names = "--threshold", defaultValue = "0", description = "prm --label q: good above this (default: ${DEFAULT-VALUE})")
    double threshold;

    @Option(names = "--margin", defaultValue = "0.5",
            description = "preference: least value difference between siblings (default: ${DEFAULT-VALUE})")
    double margin;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // values and Q lie in [-1, 1]: a threshold outside labels every step alike, a margin above 2 pairs none
        OptionChecks.range("--threshold", threshold, -1, 1);
        OptionChecks.range("--margin", margin, 0, 2);
        TrainingFormat f = TrainingFormat.byName(as).orElse(null);
        if (f == null) {
            err.println("error: --as: unknown format '" + as + "'; known: sft, prm, preference");
            return WorkbenchCli.INPUT_ERROR;
        }
        ExportOptions.PrmLabel l;
        try {
            l = ExportOptions.PrmLabel.valueOf(label.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("error: --label: unknown label source '" + label + "'; known: solution, q");
            return WorkbenchCli.INPUT_ERROR;
        }
        try {
            ExportSummary s = TrainingDataExport.export(input, f, new ExportOptions(allPaths, l, threshold, margin), out);
            o.printf(Locale.ROOT, "%d %s example%s from %d run%s in %d trace file%s (%d duplicate%s dropped%s) -> %s%n",
                    s.written(), f.cliName(), s.written() == 1 ? "" : "s", s.trees(), s.trees() == 1 ? "" : "s",
                    s.traces(), s.traces() == 1 ? "" : "s", s.duplicates(), s.duplicates() == 1 ? "" : "s",
                    s.skippedEvents() == 0 ? "" : ", " + s.skippedEvents() + " events of unknown kinds skipped", out);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return WorkbenchCli.INPUT_ERROR;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return WorkbenchCli.INPUT_ERROR;
        }
    }
}
