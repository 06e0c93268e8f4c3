package org.rlmworkbench.runner.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model configs checked field by field before a network is built; model sets published and refused as a whole. */
class ModelFilesTest {

    private static Path saved(Path dir) throws Exception {
        try (NeuralNet v = NeuralModelsTest.value(1); NeuralNet p = NeuralModelsTest.policy(2);
             NeuralNet l = NeuralModelsTest.lm(3)) {
            v.save(dir);
            p.save(dir);
            l.save(dir);
        }
        return dir;
    }

    private static void edit(Path json, String from, String to) throws Exception {
        String s = Files.readString(json);
        assertThat(s).contains(from);
        Files.writeString(json, s.replace(from, to));
    }

    @Test
    void badConfigFieldsAreNamedBeforeAnyNetworkIsBuilt(@TempDir Path dir) throws Exception {
        saved(dir);
        Path v = dir.resolve("value.json");
        String original = Files.readString(v);
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(original);
        tree.putNull("featurisation");
        Files.writeString(v, tree.toString());
        assertThatThrownBy(() -> TrainedModels.load(dir, NeuralModelsTest.SUM)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("value.json: field featurisation: missing");
        Files.writeString(v, original);
        edit(v, "\"hidden\" : 16", "\"hidden\" : -5");
        assertThatThrownBy(() -> TrainedModels.load(dir, NeuralModelsTest.SUM))
                .hasMessageContaining("value.json: field architecture.hidden: must be between 1 and 16,384, got -5");
        Files.writeString(v, original);
        edit(v, "\"hidden\" : 16", "\"hidden\" : 2e9");
        assertThatThrownBy(() -> TrainedModels.load(dir, NeuralModelsTest.SUM)).hasMessageContaining("value.json")
                .hasMessageContaining("hidden");
        Files.writeString(v, original);
        edit(v, "\"hidden\" : 16", "\"hidden\" : 16000");
        edit(v, "\"layers\" : 2", "\"layers\" : 16");
        assertThatThrownBy(() -> TrainedModels.load(dir, NeuralModelsTest.SUM))
                .hasMessageContaining("value.json: field architecture: a network of about");
        Files.writeString(v, original);
        Path lm = dir.resolve("lm.json");
        edit(lm, "\"heads\" : 2", "\"heads\" : 3");
        assertThatThrownBy(() -> TrainedModels.load(dir, NeuralModelsTest.SUM))
                .hasMessageContaining("lm.json: field architecture.heads: 3 does not divide");
    }

    @Test
    void parametersWithoutTheirConfigAreAnIncompleteSet(@TempDir Path dir) throws Exception {
        saved(dir);
        Files.delete(dir.resolve("policy.json"));
        byte[] params = Files.readAllBytes(dir.resolve("policy.params"));
        Files.write(dir.resolve("policy.params"), java.util.Arrays.copyOf(params, params.length / 2));
        assertThatThrownBy(() -> TrainedModels.load(dir, NeuralModelsTest.SUM)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("policy.json: missing, though policy.params is there: an incomplete model set");
        Files.delete(dir.resolve("policy.params"));
        Files.delete(dir.resolve("lm.params"));
        assertThatThrownBy(() -> TrainedModels.load(dir, NeuralModelsTest.SUM))
                .hasMessageContaining("lm.params: missing, though lm.json is there");
    }

    @Test
    void aPublishedSetLoadsAndADamagedOneIsRefusedByName(@TempDir Path dir) throws Exception {
        Path phase = saved(Files.createDirectories(dir.resolve("phase-1")));
        Path set1 = ModelSet.publishFrom(phase, dir);
        assertThat(set1.getFileName().toString()).isEqualTo("set-1");
        try (TrainedModels t = TrainedModels.load(dir, NeuralModelsTest.SUM)) {
            assertThat(t.value()).isNotNull();
            assertThat(t.policy()).isNotNull();
            assertThat(t.lm()).isNotNull();
        }
        Path set2 = ModelSet.publishFrom(phase, dir);
        assertThat(set2.getFileName().toString()).isEqualTo("set-2");
        assertThat(set1).doesNotExist();
        byte[] p = Files.readAllBytes(set2.resolve("policy.params"));
        Files.write(set2.resolve("policy.params"), java.util.Arrays.copyOf(p, p.length - 1));
        assertThatThrownBy(() -> TrainedModels.load(dir, NeuralModelsTest.SUM)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("set-2/policy.params: damaged");
        Files.delete(set2.resolve("policy.params"));
        assertThatThrownBy(() -> TrainedModels.load(dir, NeuralModelsTest.SUM))
                .hasMessageContaining("set-2/policy.params: missing from the model set");
        ModelSet.publish(dir, Map.of("value.json", Files.readAllBytes(phase.resolve("value.json")),
                "value.params", Files.readAllBytes(phase.resolve("value.params"))));
        try (TrainedModels t = TrainedModels.load(dir, NeuralModelsTest.SUM)) {
            assertThat(t.policy()).isNull();
            assertThat(t.value()).isNotNull();
        }
    }
}
