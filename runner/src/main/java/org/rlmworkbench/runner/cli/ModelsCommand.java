package org.rlmworkbench.runner.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rlmworkbench.runner.endpoint.Endpoint;
import org.rlmworkbench.runner.endpoint.EndpointProbe;
import org.rlmworkbench.runner.endpoint.EndpointsFile;
import org.rlmworkbench.runner.endpoint.EndpointsFileException;
import org.rlmworkbench.runner.endpoint.NSupport;
import org.rlmworkbench.runner.endpoint.ProbeReport;
import org.rlmworkbench.runner.endpoint.ProbeStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code workbench models}: the language-model endpoints; {@code probe NAME} asks a server what it supports. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "Language-model endpoints.",
        subcommands = {ModelsCommand.Probe.class})
final class ModelsCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code models probe NAME [--endpoints FILE]}. */
    @Command(name = "probe", mixinStandardHelpOptions = true,
            description = "Asks an endpoint's server what it supports (n, logprobs, seed, /v1/models, latency) and"
                    + " stores the answer beside the endpoints file.")
    static final class Probe implements Callable<Integer> {

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "the endpoint's name in the endpoints file")
        String name;

        @Option(names = "--endpoints", paramLabel = "FILE",
                description = "endpoints file (default: endpoints.json in the user's config directory)")
        Path endpoints;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            var err = spec.commandLine().getErr();
            Path file = endpoints == null ? EndpointsFile.userFile() : endpoints;
            Endpoint ep;
            try {
                EndpointsFile f = EndpointsFile.load(file);
                ep = f.find(name).orElseThrow(() -> new EndpointsFileException(file, "no endpoint named '" + name
                        + "'; it has: " + f.endpoints().stream().map(Endpoint::name).toList()));
            } catch (EndpointsFileException e) {
                err.println("error: " + e.getMessage());
                return WorkbenchCli.INPUT_ERROR;
            }
            ProbeReport r = EndpointProbe.probe(ep, System::getenv);
            String stored = null;
            ProbeStore store = ProbeStore.beside(file);
            try {
                store.save(r);
                stored = "  stored in " + store.file();
            } catch (IOException e) {
                err.println("warning: cannot store the probe in " + store.file() + ": " + e.getMessage());
            }
            out.printf(Locale.ROOT, "endpoint %s: %s, model %s, api %s%n", ep.name(), ep.baseUrl(), ep.model(), ep.api().key());
            if (r.models() == null && r.n() == NSupport.UNKNOWN && r.error() != null) {
                err.println("error: " + r.error());
                return WorkbenchCli.RUN_FAILURE;
            }
            out.println("  models served: " + (r.models() == null ? "(unknown: /v1/models did not answer)"
                    : r.models().isEmpty() ? "(none listed)" : String.join(", ", r.models())));
            if (r.models() != null && !r.models().isEmpty() && !r.models().contains(ep.model())) {
                out.println("  warning: '" + ep.model() + "' is not among them");
            }
            out.println("  n > 1:    " + switch (r.n()) {
                case HONOURED -> "honoured (one call per prompt)";
                case IGNORED -> "ignored, one choice returned (the client loops)";
                case REFUSED -> "refused (the client loops)";
                case UNKNOWN -> "unknown";
            });
            out.println("  logprobs: " + (r.logprobs() == null ? "unknown" : r.logprobs() ? "given" : "not given"));
            out.println("  seed:     " + (r.seed() == null && r.error() != null ? "unknown" : r.seed() == null ? "cannot tell (same answer for every seed)"
                    : r.seed() ? "repeats a sample" : "does not repeat a sample"));
            out.println("  latency:  " + (Double.isNaN(r.latencyMillis()) ? "-"
                    : String.format(Locale.ROOT, "%.1f ms (median of 3 short completions)", r.latencyMillis())));
            if (stored != null) {
                out.println(stored);
            }
            if (r.error() != null) {
                err.println("error: " + r.error());
                return WorkbenchCli.RUN_FAILURE;
            }
            return 0;
        }
    }
}
