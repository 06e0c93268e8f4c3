package org.rlmworkbench.runner.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.rlmworkbench.runner.bench.EndpointBenchmark;
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
        subcommands = {ModelsCommand.Probe.class, ModelsCommand.Bench.class})
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

    /** {@code models bench NAME --endpoints FILE}, or {@code models bench --overhead}. */
    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = "Measures an endpoint: proposals per second at each concurrency; or, with --overhead, what the"
                    + " client costs per call on loopback.")
    static final class Bench implements Callable<Integer> {

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "the endpoint's name")
        String name;

        @Option(names = "--endpoints", paramLabel = "FILE", description = "endpoints file (default: the user's)")
        Path endpoints;

        @Option(names = "--concurrency", split = ",", defaultValue = "1,8,32",
                description = "callers at once, one measurement each (default: ${DEFAULT-VALUE})")
        int[] concurrency;

        @Option(names = "--seconds", defaultValue = "20", description = "per measurement (default: ${DEFAULT-VALUE})")
        double seconds;

        @Option(names = "--n", defaultValue = "1", description = "samples per call (default: ${DEFAULT-VALUE})")
        int n;

        @Option(names = "--max-tokens", defaultValue = "32", description = "per sample (default: ${DEFAULT-VALUE})")
        int maxTokens;

        @Option(names = "--overhead", description = "measure the client against a loopback server that answers at once")
        boolean overhead;

        @Override
        public Integer call() throws Exception {
            var out = spec.commandLine().getOut();
            var err = spec.commandLine().getErr();
            for (int c : concurrency) {
                OptionChecks.range("--concurrency", c, 1, 1024);
            }
            OptionChecks.range("--seconds", seconds, 0.1, 86_400);
            OptionChecks.range("--n", n, 1, 128);
            OptionChecks.range("--max-tokens", maxTokens, 1, 100_000);
            if (overhead) {
                EndpointBenchmark.Overhead o = EndpointBenchmark.clientOverhead(1000);
                out.printf(Locale.ROOT, "loopback, %d sequential calls: bare java.net.http %.0f us, client %.0f us,"
                        + " overhead %.0f us per call (medians)%n", o.calls(), o.rawMicros(), o.clientMicros(),
                        o.clientMicros() - o.rawMicros());
                return 0;
            }
            if (name == null) {
                err.println("error: name an endpoint, or use --overhead");
                return WorkbenchCli.INPUT_ERROR;
            }
            Path file = endpoints == null ? EndpointsFile.userFile() : endpoints;
            try (var lm = org.rlmworkbench.runner.endpoint.EndpointModels.open(file, name)) {
                List<String> prompts = List.of("4 6 8 2", "1 2 3 4", "3 3 8 8", "5 5 5 1", "2 9 10 11", "4 4 10 10");
                for (int c : concurrency) {
                    EndpointBenchmark.Throughput t = EndpointBenchmark.throughput(lm, prompts, c, n, 1.0, maxTokens, seconds);
                    out.printf(Locale.ROOT, "concurrency %2d: %7.1f proposals/s (%d samples in %d calls, %.1f s; call"
                            + " median %.0f ms, p90 %.0f ms)%n", c, t.perSecond(), t.samples(), t.calls(), t.seconds(),
                            t.medianMillis(), t.p90Millis());
                }
                return 0;
            } catch (EndpointsFileException e) {
                err.println("error: " + e.getMessage());
                return WorkbenchCli.INPUT_ERROR;
            }
        }
    }
}
