package org.rlmworkbench.runner.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.runner.model.PolicyModel;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Step;
import org.rlmworkbench.runner.toy.SumProblem;

/** The embedded networks on the toy Sum problem: batching, save and load, refusals. */
class NeuralModelsTest {

    @SuppressWarnings("unchecked")
    static final Problem<Object> SUM = (Problem<Object>) (Problem<?>) new SumProblem();

    static Featurisation features() {
        return Featurisation.forProblem(SUM, 64);
    }

    static NeuralNet value(long seed) {
        return NeuralNet.create(NetConfig.of(NetKind.VALUE, "sum", Architecture.value(features(), 16), features()),
                seed);
    }

    static NeuralNet policy(long seed) {
        return NeuralNet.create(NetConfig.of(NetKind.POLICY, "sum", Architecture.policy(features(), 16), features()),
                seed);
    }

    static NeuralNet lm(long seed) {
        return NeuralNet.create(NetConfig.of(NetKind.LM, "sum", Architecture.lm(16, 1, 2, 32), null), seed);
    }

    static List<Object> states() {
        List<Object> out = new ArrayList<>();
        for (int t = 0; t < 10; t++) {
            out.add(new SumProblem.State(t, 3, 7));
        }
        return out;
    }

    @Test
    void featuriserIsDeterministicAndSeesWordSetsAsSets() {
        TextFeaturizer f = TextFeaturizer.standard();
        assertThat(f.features("4 6 8")).containsExactly(f.features("4 6 8"));
        assertThat(f.features("4 6 8")).isNotEqualTo(f.features("4 6 9"));
        float[] a = new TextFeaturizer(64, 1, 1, false).features("ab");
        assertThat(a).hasSize(64);
    }

    @Test
    void valueAdapterScoresAllStatesInOneForwardPass() {
        try (NeuralNet net = value(1)) {
            NeuralValueModel v = new NeuralValueModel(net);
            long before = net.forwardPasses();
            double[] values = v.values(SUM, states());
            assertThat(net.forwardPasses() - before).isEqualTo(1);
            assertThat(values).hasSize(10);
            assertThat(Arrays.stream(values).allMatch(x -> x >= -1 && x <= 1)).isTrue();
        }
    }

    @Test
    void policyAdaptersScoreAllStepsOfANodeInOneForwardPass() {
        Object state = new SumProblem.State(0, 3, 7);
        List<Step<Object>> steps = SUM.steps(state);
        try (NeuralNet p = policy(1); NeuralNet l = lm(1)) {
            for (PolicyModel model : List.<PolicyModel>of(new NeuralPolicyModel(p), new CharLmPolicy(l))) {
                NeuralNet net = model instanceof NeuralPolicyModel np ? np.net() : ((CharLmPolicy) model).net();
                long before = net.forwardPasses();
                double[] priors = model.priors(SUM, state, steps);
                assertThat(net.forwardPasses() - before).isEqualTo(1);
                assertThat(priors).hasSize(steps.size());
                assertThat(Arrays.stream(priors).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
            }
        }
    }

    @Test
    void saveAndLoadGiveIdenticalOutputs(@TempDir Path dir) throws Exception {
        Object state = new SumProblem.State(1, 2, 7);
        List<Step<Object>> steps = SUM.steps(state);
        try (NeuralNet v = value(3); NeuralNet p = policy(4); NeuralNet l = lm(5)) {
            v.save(dir);
            p.save(dir);
            l.save(dir);
            double[] values = new NeuralValueModel(v).values(SUM, states());
            double[] priors = new NeuralPolicyModel(p).priors(SUM, state, steps);
            double[] lmPriors = new CharLmPolicy(l).priors(SUM, state, steps);
            try (TrainedModels t = TrainedModels.load(dir, SUM)) {
                assertThat(new NeuralValueModel(t.value()).values(SUM, states())).containsExactly(values);
                assertThat(new NeuralPolicyModel(t.policy()).priors(SUM, state, steps)).containsExactly(priors);
                assertThat(new CharLmPolicy(t.lm()).priors(SUM, state, steps)).containsExactly(lmPriors);
                assertThat(t.value().parameterBytes()).isEqualTo(v.parameterBytes());
            }
        }
        assertThat(Files.readString(dir.resolve("value.json"))).contains("\"problem\" : \"sum\"",
                "hashed-char-ngrams");
    }

    @Test
    void aModelForAnotherProblemIsRefusedWithAMessage(@TempDir Path dir) throws Exception {
        try (NeuralNet v = value(1)) {
            v.save(dir);
        }
        Path json = dir.resolve("value.json");
        Files.writeString(json, Files.readString(json).replace("\"problem\" : \"sum\"", "\"problem\" : \"game24\""),
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TrainedModels.load(dir, SUM)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("value.json").hasMessageContaining("trained for problem 'game24', not 'sum'");
    }

    @Test
    void aParameterFileOfTheWrongShapeIsRefusedWithAMessage(@TempDir Path dir) throws Exception {
        try (NeuralNet v = value(1)) {
            v.save(dir);
        }
        Path json = dir.resolve("value.json");
        Files.writeString(json, Files.readString(json).replace("\"hidden\" : 16", "\"hidden\" : 24"),
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TrainedModels.load(dir, SUM)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("value.params").hasMessageContaining("has shape (16, 64), the config value.json says (24, 64)");
        Files.writeString(dir.resolve("lm.json"), "{ not json");
        assertThatThrownBy(() -> NeuralNet.load(dir, NetKind.LM, SUM)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("lm.json");
    }

    @Test
    void aMissingDirectoryOrAnEmptyOneIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> TrainedModels.load(dir.resolve("nope"), SUM)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("no such model directory");
        assertThatThrownBy(() -> TrainedModels.load(dir, SUM)).hasMessageContaining("holds no value.json");
    }

    @Test
    void theLanguageModelWritesTextAndItsStepsAreParsedAgainstTheLegalOnes() {
        Object state = new SumProblem.State(0, 3, 7);
        try (NeuralNet l = lm(2)) {
            CharLmPolicy lm = new CharLmPolicy(l);
            CharLmPolicy.Sampled s = lm.sample(SUM, state, 1.0, new SplittableRandom(1));
            assertThat(s.logProb()).isLessThanOrEqualTo(0);
            assertThat(s.wellFormed()).isEqualTo(SUM.steps(state).stream().anyMatch(st -> st.text().equals(s.text())));
        }
        int[][] e = CharVocabulary.encode("1 2", "ab", 16);
        assertThat(e[0]).containsExactly(CharVocabulary.BOS, CharVocabulary.token('1'), CharVocabulary.token(' '),
                CharVocabulary.token('2'), CharVocabulary.SEP, CharVocabulary.token('a'), CharVocabulary.token('b'),
                CharVocabulary.EOS);
        assertThat(e[1][0]).isEqualTo(5);
        assertThat(CharVocabulary.encode("x".repeat(40), "abc", 16)[0]).hasSize(17);
    }
}
