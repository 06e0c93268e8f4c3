package org.rlmworkbench.app.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rlmworkbench.runner.model.ModelCatalog;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.neural.TrainedModels;
import org.rlmworkbench.runner.problem.Problem;

/**
 * Puts trained networks from a model directory into the model catalogue, one entry per role, so
 * they appear in the pickers. The networks stay loaded while the app runs.
 */
public final class TrainedModelRegistry implements AutoCloseable {
    private final ModelCatalog catalog;
    private final List<TrainedModels> loaded = new ArrayList<>();

    public TrainedModelRegistry(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Loads {@code dir} and registers what it holds; returns the names added.
     *
     * @throws org.rlmworkbench.runner.neural.ModelFileException naming the file and the mismatch
     */
    public List<String> register(Path dir, Problem<?> problem) {
        TrainedModels tm = TrainedModels.load(dir, problem);
        loaded.add(tm);
        String tag = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
        List<String> added = new ArrayList<>();
        Models base = Models.problemNative();
        if (tm.policy() != null) {
            String name = "trained-policy (" + tag + ")";
            catalog.addPolicy(name, () -> tm.models(base, false).policy());
            added.add(name);
        }
        if (tm.lm() != null) {
            String name = "trained-lm (" + tag + ")";
            catalog.addPolicy(name, () -> tm.models(base, true).policy());
            added.add(name);
            String writer = "lm (" + tag + ")";
            catalog.addLanguageModel(writer, tm::languageModel);
            added.add(writer);
        }
        if (tm.value() != null) {
            String name = "trained-value (" + tag + ")";
            catalog.addValue(name, () -> tm.models(base, false).value());
            added.add(name);
        }
        return added;
    }

    @Override
    public void close() {
        loaded.forEach(TrainedModels::close);
        loaded.clear();
    }
}
