package org.rlmworkbench.runner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rlmworkbench.runner.neural.ModelFileException;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.training.StoredSettings;
import org.rlmworkbench.runner.training.TrainingCancelledException;
import org.rlmworkbench.runner.training.TrainingEvent;
import org.rlmworkbench.runner.training.TrainingPipeline;
import org.rlmworkbench.runner.training.TrainingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench train}: the multi-phase training pipeline, from MCTS traces to saved networks. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Trains value, policy and generative policy networks from MCTS traces, in phases.")
final class TrainCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--problem", defaultValue = "game24", description = "problem id (default: ${DEFAULT-VALUE})")
    String problem;

    @Option(names = "--out", required = true, description = "directory for the networks, checkpoints and traces")
    Path out;

    @Option(names = "--phases", defaultValue = "2", description = "search-and-fit phases (default: ${DEFAULT-VALUE})")
    int phases;

    @Option(names = "--instances", defaultValue = "300", description = "training instances searched per phase (default: ${DEFAULT-VALUE})")
    int instances;

    @Option(names = "--validation", defaultValue = "60", description = "validation instances (default: ${DEFAULT-VALUE})")
    int validation;

    @Option(names = "--budget", defaultValue = "500", description = "MCTS iterations per instance (default: ${DEFAULT-VALUE})")
    int budget;

    @Option(names = "--seed", defaultValue = "0", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--epochs", defaultValue = "30", description = "most epochs per network and phase (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--lm-epochs", defaultValue = "30", description = "most epochs of the language model per phase (default: ${DEFAULT-VALUE})")
    int lmEpochs;

    @Option(names = "--lm-data", defaultValue = "visited", description = "the language model's examples: 'visited'"
            + " (every legal step of the states the phase's searches visited) or 'reachable' (every state reachable"
            + " from any training instance; far more data, for problems that list their steps) (default: ${DEFAULT-VALUE})")
    String lmData;

    @Option(names = "--no-lm", description = "do not train the generative policy")
    boolean noLm;

    @Option(names = "--difficulty", description = "train only on instances of this difficulty (e.g. 4) or range (e.g. 2-6)")
    String difficulty;

    @Option(names = "--quiet", description = "no per-epoch lines")
    boolean quiet;

    @Option(names = "--fresh", description = "start over: delete the checkpoints and models a run before left in --out")
    boolean fresh;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            OptionChecks.range("--phases", phases, 1, 1_000);
            OptionChecks.range("--instances", instances, 1, 1_000_000);
            OptionChecks.range("--validation", validation, 1, 1_000_000);
            OptionChecks.range("--budget", budget, 1, OptionChecks.MAX_BUDGET);
            OptionChecks.range("--epochs", epochs, 1, 100_000);
            OptionChecks.range("--lm-epochs", lmEpochs, 1, 100_000);
            TrainingSettings.LmData data = switch (lmData) {
                case "visited" -> TrainingSettings.LmData.VISITED;
                case "reachable" -> TrainingSettings.LmData.REACHABLE;
                default -> throw new InputException("--lm-data '" + lmData + "': expected 'visited' or 'reachable'");
            };
            if (Files.exists(out) && !Files.isDirectory(out)) {
                throw new InputException("--out " + out + ": is a file, not a directory for the models");
            }
            Problem<?> p = Setup.problem(problem);
            if (fresh) {
                StoredSettings.startOver(out);
            }
            TrainingSettings d = TrainingSettings.defaults(p.id());
            TrainingSettings s = d.withPhases(phases).withInstances(instances, validation).withBudget(budget)
                    .withSeed(seed).withEpochs(epochs, lmEpochs)
                    .withSizes(d.featureDims(), d.hidden(), !noLm, d.lmWidth(), d.lmLayers()).withLmData(data);
            if (!p.enumerable()) {
                throw new InputException("problem '" + p.id() + "' has no step enumerator, and training searches it with "
                        + "MCTS over the legal steps; train on a problem that lists its steps");
            }
            DifficultyRange range = difficulty == null ? null : DifficultyRange.parse(difficulty);
            if (range != null) {
                range.filter(p, p.dataset().train(), p.id() + " train");
            }
            TrainingPipeline.Outcome r = TrainingPipeline.run(p, s, out, e -> report(e, err), () -> false,
                    range == null ? t -> true : t -> range.contains(p.instanceDifficulty(t)));
            for (TrainingPipeline.PhaseSummary ph : r.phases()) {
                o.printf(Locale.ROOT, "phase %d: %s%n", ph.phase(), ph.resumed() ? "resumed from checkpoint"
                        : String.format(Locale.ROOT, "searched %d (solved %.1f%%), examples value %d policy %d lm %d,"
                        + " losses value %.4f policy %.4f lm %.4f, %.1f s", ph.searched(), 100 * ph.searchSolveRate(),
                        ph.valueExamples(), ph.policyExamples(), ph.lmExamples(), ph.valueLoss(), ph.policyLoss(),
                        ph.lmLoss(), ph.seconds()));
            }
            o.printf(Locale.ROOT, "models in %s (%.1f s)%n", r.modelDir(), r.seconds());
            return 0;
        } catch (InputException | IllegalArgumentException | ModelFileException e) {
            err.println("error: " + e.getMessage());
            return WorkbenchCli.INPUT_ERROR;
        } catch (IOException e) {
            err.println("error: " + Setup.describe(e, out, "--out directory"));
            return WorkbenchCli.INPUT_ERROR;
        } catch (TrainingCancelledException e) {
            err.println("cancelled; run again with the same --out to resume");
            return WorkbenchCli.RUN_FAILURE;
        }
    }

    private void report(TrainingEvent e, PrintWriter err) {
        if (e instanceof TrainingEvent.PhaseStarted ps) {
            err.printf(Locale.ROOT, "phase %d of %d%n", ps.phase(), ps.phases());
        } else if (e instanceof TrainingEvent.SearchProgress sp && sp.done() == sp.total()) {
            err.printf(Locale.ROOT, "  searched %d %s instances, solved %d%n", sp.total(), sp.split(), sp.solved());
        } else if (e instanceof TrainingEvent.EpochFinished ef && !quiet) {
            err.printf(Locale.ROOT, "  %-6s epoch %2d  train %.4f  validation %.4f%n", ef.network(), ef.epoch(),
                    ef.trainLoss(), ef.validationLoss());
        } else if (e instanceof TrainingEvent.NetworkTrained nt) {
            err.printf(Locale.ROOT, "  %-6s done after %d epochs%s, best %.4f%n", nt.network(), nt.epochs(),
                    nt.early() ? " (early stop)" : "", nt.bestValidationLoss());
        }
        err.flush();
    }
}
