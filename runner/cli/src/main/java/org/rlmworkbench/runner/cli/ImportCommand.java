package org.rlmworkbench.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rlmworkbench.runner.importer.ImportFormatException;
import org.rlmworkbench.runner.importer.ImportResult;
import org.rlmworkbench.runner.importer.ImportedTree;
import org.rlmworkbench.runner.importer.TreeFormat;
import org.rlmworkbench.runner.importer.TreeImport;
import org.rlmworkbench.runner.io.AtomicFiles;
import org.rlmworkbench.runner.trace.TraceWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code workbench import FILE --out DIR}: another tool's reasoning trees as the workbench's traces, one per tree. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports reasoning trees written by Tree-of-Thoughts, LLM Reasoners, x1 or Graph of Thoughts.")
final class ImportCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the file to import")
    Path file;

    @Option(names = "--format", description = "tot, llm-reasoners, x1 or got (default: guessed from the file)")
    String format;

    @Option(names = "--out", required = true, description = "folder for the traces, one JSON Lines file per tree")
    Path out;

    @Option(names = "--json", description = "print one JSON object with the counts")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TreeFormat f = null;
        if (format != null) {
            f = TreeFormat.byName(format).orElse(null);
            if (f == null) {
                err.println("error: --format: unknown format '" + format + "'; known: tot, llm-reasoners, x1, got");
                return WorkbenchCli.INPUT_ERROR;
            }
        }
        ImportResult r;
        try {
            r = TreeImport.read(file, f);
        } catch (ImportFormatException e) {
            err.println("error: " + e.getMessage());
            return WorkbenchCli.INPUT_ERROR;
        }
        String stem = file.getFileName().toString().replaceFirst("\\.json$", "");
        int digits = Integer.toString(Math.max(0, r.trees().size() - 1)).length();
        try {
            for (int i = 0; i < r.trees().size(); i++) {
                StringWriter text = new StringWriter();
                try (TraceWriter w = new TraceWriter(text)) {
                    r.trees().get(i).events().forEach(w::onEvent);
                }
                AtomicFiles.writeString(out.resolve(String.format(Locale.ROOT, "%s-%0" + digits + "d.jsonl", stem, i)),
                        text.toString());
            }
        } catch (IOException e) {
            err.println("error: --out: cannot write into " + out + ": " + e.getMessage());
            return WorkbenchCli.INPUT_ERROR;
        }
        if (json) {
            ObjectMapper m = new ObjectMapper();
            ObjectNode n = m.createObjectNode();
            n.put("format", r.format().cliName());
            n.put("trees", r.trees().size());
            n.put("nodes", r.nodes());
            n.put("solved_by_file", r.solvedByFile());
            n.put("solved_by_verifier", r.solvedByVerifier());
            n.put("prompt_tokens", r.usage().promptTokens());
            n.put("completion_tokens", r.usage().completionTokens());
            n.put("cost", r.usage().cost());
            n.put("out", out.toString());
            o.println(n.toString());
        } else {
            o.printf(Locale.ROOT, "%s: %s, %d tree%s, %d nodes%n", file, r.format().title(), r.trees().size(),
                    r.trees().size() == 1 ? "" : "s", r.nodes());
            o.printf(Locale.ROOT, "solved as the file records it: %s; by the workbench's verifier: %s%n",
                    orNone(r.solvedByFile()), orNone(r.solvedByVerifier()));
            o.printf(Locale.ROOT, "tokens: prompt %s, completion %s; cost %s%n", orNone(r.usage().promptTokens()),
                    orNone(r.usage().completionTokens()), r.usage().cost() == null ? "not recorded"
                            : String.format(Locale.ROOT, "%.5f", r.usage().cost()));
            ImportedTree first = r.trees().isEmpty() ? null : r.trees().get(0);
            o.println("traces in " + out + (first == null ? "" : " (first: " + first.label() + ")"));
        }
        return 0;
    }

    private static String orNone(Object v) {
        return v == null ? "not recorded" : v.toString();
    }
}
