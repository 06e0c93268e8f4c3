package org.rlmworkbench.runner.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.runner.model.CancelToken;
import org.rlmworkbench.runner.model.Completion;
import org.rlmworkbench.runner.model.CompletionRequest;
import org.rlmworkbench.runner.model.ModelCallException;
import org.rlmworkbench.runner.model.PromptStyle;

/** The character LM as a batched, seeded, cancellable language model (untrained weights suffice here). */
class CharLmWriterTest {

    private static CompletionRequest request(String prompt, int n, double temperature, int maxTokens, long seed) {
        return new CompletionRequest(prompt, n, temperature, maxTokens, List.of(), seed);
    }

    private static List<String> texts(Completion c) {
        return c.samples().stream().map(Completion.Sample::text).toList();
    }

    @Test
    void writesEverySampleOfEveryPromptInOneForwardPassPerCharacter() throws Exception {
        try (NeuralNet net = NeuralModelsTest.lm(3)) {
            CharLmWriter w = new CharLmWriter(net);
            assertThat(w.promptStyle()).isEqualTo(PromptStyle.STATE);
            long before = net.forwardPasses();
            List<Completion> out = w.complete(List.of(request("0 3 7", 5, 1.0, 12, 1), request("2 1 7", 3, 1.0, 12, 2),
                    request("5 2 7 and a longer prompt", 4, 1.0, 12, 3)), CancelToken.none());
            long passes = net.forwardPasses() - before;
            assertThat(out).hasSize(3);
            assertThat(out.get(0).samples()).hasSize(5);
            assertThat(out.get(1).samples()).hasSize(3);
            assertThat(out.get(2).samples()).hasSize(4);
            int longest = out.stream().flatMap(c -> c.samples().stream()).mapToInt(Completion.Sample::tokens).max()
                    .orElseThrow();
            // one pass per character written by the longest sample, for all 12 samples together
            assertThat(passes).isEqualTo(longest);
            for (Completion c : out) {
                assertThat(c.completionTokens()).isEqualTo(c.samples().stream().mapToInt(Completion.Sample::tokens).sum());
                for (Completion.Sample s : c.samples()) {
                    assertThat(s.tokens()).isBetween(1, 12);
                    assertThat(s.logProb()).isNegative();
                    // the end token counts as a token but writes no character; without it the limit ended the text
                    assertThat(s.finishReason()).isEqualTo(s.tokens() == s.text().length() ? "length" : "stop");
                    if (s.finishReason().equals("stop")) {
                        assertThat(s.tokens()).isEqualTo(s.text().length() + 1);
                    }
                }
            }
            assertThat(out.get(0).promptTokens()).isEqualTo("0 3 7".length() + 2);
        }
    }

    @Test
    void theSameSeedWritesTheSameTextsWhateverElseIsInTheBatch() throws Exception {
        try (NeuralNet net = NeuralModelsTest.lm(3)) {
            CharLmWriter w = new CharLmWriter(net);
            Completion alone = w.complete(List.of(request("0 3 7", 6, 1.0, 16, 42)), CancelToken.none()).get(0);
            List<Completion> mixed = w.complete(List.of(request("9 9 9 9", 7, 1.0, 16, 5),
                    request("0 3 7", 6, 1.0, 16, 42)), CancelToken.none());
            assertThat(texts(mixed.get(1))).isEqualTo(texts(alone));
            Completion other = w.complete(List.of(request("0 3 7", 6, 1.0, 16, 43)), CancelToken.none()).get(0);
            assertThat(texts(other)).isNotEqualTo(texts(alone));
            // samples of one request differ from each other (an untrained model writes noise)
            assertThat(texts(alone).stream().distinct().count()).isGreaterThan(1);
        }
    }

    @Test
    void logProbabilityIsTheModelsOwnProbabilityOfTheTextAndGreedyIsTheMostLikely() throws Exception {
        try (NeuralNet net = NeuralModelsTest.lm(4)) {
            CharLmWriter w = new CharLmWriter(net);
            CharLmPolicy p = new CharLmPolicy(net);
            Completion c = w.complete(List.of(request("0 3 7", 4, 1.5, 30, 9)), CancelToken.none()).get(0);
            for (Completion.Sample s : c.samples()) {
                if (s.finishReason().equals("stop")) {
                    assertThat(s.logProb()).isCloseTo(p.logProbs("0 3 7", List.of(s.text()))[0],
                            org.assertj.core.data.Offset.offset(1e-3));
                }
            }
            Completion greedy = w.complete(List.of(request("0 3 7", 3, 0.0, 30, 1)), CancelToken.none()).get(0);
            assertThat(texts(greedy)).containsOnly(p.sampleText("0 3 7", 0, new SplittableRandom(1)).text());
        }
    }

    @Test
    void theCachedIncrementalPassGivesTheFullPassesNumbersForPromptsOfDifferentLengths() {
        try (NeuralNet net = NeuralModelsTest.lm(5);
             ai.djl.ndarray.NDManager m = net.manager().newSubManager()) {
            CharLmBlock block = (CharLmBlock) net.block();
            String[] prompts = {"0 3 7", "12 1 7 and more"};
            String written = "ab = 9";
            int[][] full = new int[2][];
            int width = 0;
            for (int i = 0; i < 2; i++) {
                full[i] = CharVocabulary.encode(prompts[i], written, 32)[0];
                width = Math.max(width, prompts[i].length() + 2);
            }
            int[] ids = new int[2 * width];
            int[] offsets = new int[2];
            for (int i = 0; i < 2; i++) {
                int len = prompts[i].length() + 2;
                offsets[i] = width - len;
                System.arraycopy(full[i], 0, ids, i * width + offsets[i], len);
            }
            var ps = new ai.djl.training.ParameterStore(m, false);
            CharLmBlock.Cache[] cache = new CharLmBlock.Cache[1];
            float[][] incremental = new float[written.length() + 1][];
            incremental[0] = block.prefill(ps, m.create(ids, new ai.djl.ndarray.types.Shape(2, width)), offsets, cache)
                    .toFloatArray();
            for (int c = 0; c < written.length(); c++) {
                int tok = CharVocabulary.token(written.charAt(c));
                incremental[c + 1] = block.next(ps, m.create(new int[] {tok, tok}, new ai.djl.ndarray.types.Shape(2, 1)),
                        cache[0]).toFloatArray();
            }
            int v = CharVocabulary.SIZE;
            for (int i = 0; i < 2; i++) {
                int len = full[i].length - 1;
                float[] logits = net.predict(new ai.djl.ndarray.NDList(m.create(java.util.Arrays.copyOf(full[i], len),
                        new ai.djl.ndarray.types.Shape(1, len)))).head().toFloatArray();
                int promptEnd = prompts[i].length() + 2;
                for (int c = 0; c <= written.length(); c++) {
                    int pos = promptEnd - 1 + c;
                    for (int t = 0; t < v; t++) {
                        assertThat(incremental[c][i * v + t]).as("prompt %d, character %d, token %d", i, c, t)
                                .isCloseTo(logits[pos * v + t], org.assertj.core.data.Offset.offset(1e-4f));
                    }
                }
            }
        }
    }

    @Test
    void aCancelledTokenStopsTheCallBeforeAnyPass() {
        try (NeuralNet net = NeuralModelsTest.lm(3)) {
            CancelToken t = new CancelToken();
            t.cancel();
            long before = net.forwardPasses();
            assertThatThrownBy(() -> new CharLmWriter(net).complete(List.of(request("0 3 7", 2, 1.0, 10, 1)), t))
                    .isInstanceOf(ModelCallException.class)
                    .satisfies(e -> assertThat(((ModelCallException) e).cancelled()).isTrue())
                    .hasMessageContaining("cancelled");
            assertThat(net.forwardPasses()).isEqualTo(before);
        }
    }

    @Test
    void stopStringsEndATextAndAreLeftOut() throws Exception {
        try (NeuralNet net = NeuralModelsTest.lm(3)) {
            CharLmWriter w = new CharLmWriter(net);
            Completion free = w.complete(List.of(request("0 3 7", 1, 0.0, 20, 1)), CancelToken.none()).get(0);
            String text = free.samples().get(0).text();
            assertThat(text.length()).isGreaterThan(3);
            String stop = text.substring(2, 3);
            Completion cut = w.complete(List.of(new CompletionRequest("0 3 7", 1, 0.0, 20, List.of(stop), 1)),
                    CancelToken.none()).get(0);
            assertThat(cut.samples().get(0).text()).isEqualTo(text.substring(0, text.indexOf(stop)));
            assertThat(cut.samples().get(0).finishReason()).isEqualTo("stop");
        }
    }
}
