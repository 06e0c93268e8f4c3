package org.rlmworkbench.runner.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rlmworkbench.runner.model.LanguageModel;
import org.rlmworkbench.runner.neural.ModelFileException;
import org.rlmworkbench.runner.neural.NetKind;
import org.rlmworkbench.runner.neural.NeuralNet;
import org.rlmworkbench.runner.neural.TrainedModels;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Problems;

/**
 * The language models a model directory ({@code ./workbench train --out DIR}) holds, by the id they
 * are served under: {@code <problem>-lm} for the character LM ({@code lm.json}), e.g. {@code game24-lm}.
 */
public final class ServedModels implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, LanguageModel> models;
    private final TrainedModels trained;

    private ServedModels(Map<String, LanguageModel> models, TrainedModels trained) {
        this.models = models;
        this.trained = trained;
    }

    /**
     * Loads the language models of {@code dir}.
     *
     * @throws ModelFileException naming the directory or file when there is no language model or it cannot be used
     */
    public static ServedModels load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ModelFileException(dir, "no such model directory");
        }
        // train publishes a set behind a pointer (models.json); older directories hold the files themselves
        Path set = org.rlmworkbench.runner.neural.ModelSet.resolve(dir);
        if (!NeuralNet.exists(set, NetKind.LM)) {
            throw new ModelFileException(dir, "holds no language model (lm.json); train one with ./workbench train");
        }
        Path json = set.resolve(NetKind.LM.file() + ".json");
        String problemId;
        try {
            JsonNode c = JSON.readTree(json.toFile());
            problemId = c.path("problem").asText("");
        } catch (IOException e) {
            throw new ModelFileException(json, "cannot read the model config: " + e.getMessage(), e);
        }
        Problem<?> problem = Problems.find(problemId)
                .orElseThrow(() -> new ModelFileException(json, "was trained for problem '" + problemId
                        + "', which is not on the class path"));
        TrainedModels trained = TrainedModels.load(dir, problem);
        Map<String, LanguageModel> models = new LinkedHashMap<>();
        // the same writer a run with --writer lm uses, so serving changes nothing but the transport
        models.put(problemId + "-lm", trained.languageModel());
        return new ServedModels(models, trained);
    }

    /** Model id to model, in a stable order. */
    public Map<String, LanguageModel> models() {
        return models;
    }

    @Override
    public void close() {
        trained.close();
    }
}
