package org.rlmworkbench.runner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.runner.event.ModelCalled;
import org.rlmworkbench.runner.event.RunEvent;
import org.rlmworkbench.runner.interpret.Interpreter;
import org.rlmworkbench.runner.interpret.RunResult;
import org.rlmworkbench.runner.interpret.RunSettings;
import org.rlmworkbench.runner.operator.RunContext;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.toy.SumProblem;
import org.rlmworkbench.runner.toy.SumWriter;
import org.rlmworkbench.runner.trace.TraceJson;

/** The response cache, model budgets, the scripted model's file and the resolver's messages. */
class LanguageModelPlumbingTest {

    private static Scheme writtenMcts(Object loopBudgetName, Object loopBudget) {
        Scheme s = BuiltinSchemes.load("mcts");
        s = s.withNode(s.node("expand").orElseThrow().withParam("source", "sample").withParam("k", 3));
        s = s.withNode(s.node("evaluate").orElseThrow().withParam("source", "heuristic"));
        if (loopBudgetName != null) {
            s = s.withNode(s.node("loop").orElseThrow().withParam("iterations", 10_000)
                    .withParam((String) loopBudgetName, loopBudget));
        }
        return s;
    }

    private static List<String> run(Scheme s, LanguageModel writer, ResponseCache cache, RunResult[] result)
            throws Exception {
        Interpreter in = new Interpreter(s, new SumProblem(), Models.problemNative().withWriter(writer));
        List<RunEvent> events = new ArrayList<>();
        RunSettings settings = new RunSettings(11, null);
        RunContext ctx = in.newContext(settings, List.of(events::add), null);
        ctx.modelCalls().useCache(cache);
        result[0] = in.run(ctx, "20 8", settings);
        return events.stream().map(TraceJson::toLine).toList();
    }

    @Test
    void aSecondIdenticalRunIsAnsweredFromTheCacheAndRepeatsTheFirstByteForByte(@TempDir Path dir) throws Exception {
        ResponseCache cache = new ResponseCache(dir.resolve("cache"));
        SumWriter first = new SumWriter("sum-writer");
        RunResult[] r = new RunResult[1];
        List<String> a = run(writtenMcts(null, null).withNode(BuiltinSchemes.load("mcts").node("loop").orElseThrow()
                .withParam("iterations", 15)), first, cache, r);
        assertThat(first.calls.get()).isGreaterThan(3);
        try (var files = Files.walk(dir.resolve("cache"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".json")).count()).isGreaterThanOrEqualTo(3 * first.calls.get());
        }
        SumWriter second = new SumWriter("sum-writer");
        List<String> b = run(writtenMcts(null, null).withNode(BuiltinSchemes.load("mcts").node("loop").orElseThrow()
                .withParam("iterations", 15)), second, cache, r);
        assertThat(second.calls.get()).isZero();
        assertThat(b).isEqualTo(a);
        // another model name is another key: nothing is shared
        SumWriter other = new SumWriter("other-writer");
        run(writtenMcts(null, null), other, cache, r);
        assertThat(other.calls.get()).isGreaterThan(0);
    }

    /**
     * The cache keeps at most its limit: over it, the least recently used entries go (a read counts
     * as a use), down to 90% of the limit, and what stays still answers.
     */
    @Test
    void theCacheEvictsTheLeastRecentlyUsedEntriesOverItsLimit(@TempDir Path dir) throws Exception {
        ResponseCache cache = new ResponseCache(dir, 10);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String key = ResponseCache.key("m", new CompletionRequest("prompt " + i, 1, 1.0, 8, List.of(), i), 0);
            keys.add(key);
            cache.put(key, new ResponseCache.Entry(ScriptedLanguageModel.sample("text " + i), 2, 0));
        }
        // give every entry its own age, oldest first, then read entry 3: it becomes the newest
        try (var files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                int i = keys.indexOf(f.getFileName().toString().replace(".json", ""));
                Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(1_000_000L + 1000L * i));
            }
        }
        assertThat(cache.get(keys.get(3))).isPresent();
        assertThat(cache.trim()).isEqualTo(25 - 9);
        for (int i = 0; i < 25; i++) {
            boolean kept = i == 3 || i >= 17;
            assertThat(cache.get(keys.get(i)).isPresent()).as("entry " + i).isEqualTo(kept);
        }
        assertThat(cache.get(keys.get(20)).orElseThrow().sample().text()).isEqualTo("text 20");
        assertThat(cache.trim()).isZero();
        assertThatThrownBy(() -> new ResponseCache(dir, 0)).hasMessageContaining("at least one entry");
    }

    @Test
    void anUnreadableCacheEntryIsAMissNotAFailure(@TempDir Path dir) throws Exception {
        ResponseCache cache = new ResponseCache(dir);
        CompletionRequest req = new CompletionRequest("p", 1, 1.0, 10, List.of(), 5);
        String key = ResponseCache.key("m", req, 0);
        cache.put(key, new ResponseCache.Entry(ScriptedLanguageModel.sample("x", -1), 3, 2.5));
        assertThat(cache.get(key)).map(e -> e.sample().text()).contains("x");
        Files.writeString(dir.resolve(key.substring(0, 2)).resolve(key + ".json"), "{not json");
        assertThat(cache.get(key)).isEmpty();
        assertThat(ResponseCache.key("m", req, 1)).isNotEqualTo(key);
        assertThat(ResponseCache.key("m", new CompletionRequest("p", 1, 1.0, 10, List.of(), 6), 0)).isNotEqualTo(key);
    }

    @Test
    void loopsStopOnModelCallAndTokenBudgets() throws Exception {
        RunResult[] r = new RunResult[1];
        List<String> events = run(writtenMcts("model_calls", 4), new SumWriter("w"), null, r);
        assertThat(r[0].usage().calls()).isEqualTo(4);
        assertThat(events.stream().filter(l -> l.contains("\"model_called\""))).hasSize(4);
        run(writtenMcts("tokens", 100), new SumWriter("w"), null, r);
        // each SumWriter call costs 3 prompt + 15 completion tokens: the loop stops at the first count >= 100
        assertThat(r[0].usage().tokens()).isEqualTo(108);
        assertThat(r[0].usage().invalidSteps()).isPositive();
    }

    @Test
    void aScriptFileIsReadAndItsMistakesAreNamed(@TempDir Path dir) throws Exception {
        Path ok = dir.resolve("demo.json");
        Files.writeString(ok, "{\"style\":\"state\",\"responses\":{\"0 3 7\":[\"0 + 1 = 1\",{\"text\":\"0 + 2 = 2\","
                + "\"logprob\":-0.5}]},\"default\":[\"sure\"]}");
        ScriptedLanguageModel m = ScriptedLanguageModel.read(ok);
        assertThat(m.name()).startsWith("scripted:demo@");
        List<Completion> c = m.complete(List.of(new CompletionRequest("0 3 7", 3, 1, 10, List.of(), 1),
                new CompletionRequest("else", 1, 1, 10, List.of(), 1)), CancelToken.none());
        assertThat(c.get(0).samples()).extracting(Completion.Sample::text).containsExactly("0 + 1 = 1", "0 + 2 = 2", "0 + 1 = 1");
        assertThat(c.get(0).samples().get(1).logProb()).isEqualTo(-0.5);
        assertThat(c.get(1).samples().get(0).text()).isEqualTo("sure");

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"style\":\"chatty\",\"default\":[\"x\"]}");
        assertThatThrownBy(() -> ScriptedLanguageModel.read(bad)).isInstanceOf(IOException.class)
                .hasMessageContaining("bad.json").hasMessageContaining("field style");
        Files.writeString(bad, "{\"responses\":{\"p\":[3]}}");
        assertThatThrownBy(() -> ScriptedLanguageModel.read(bad)).hasMessageContaining("responses[\"p\"][0]");
        assertThatThrownBy(() -> new LanguageModelResolver(() -> null).resolve("writer", "scripted:" + dir.resolve("nope.json")))
                .hasMessageContaining("writer model").hasMessageContaining("nope.json").hasMessageContaining("does not exist");
        assertThatThrownBy(() -> new LanguageModelResolver(() -> null).resolve("writer", "lm"))
                .hasMessageContaining("--models DIR");
        assertThatThrownBy(() -> new LanguageModelResolver(() -> null).resolve("judge", "gpt-9"))
                .hasMessageContaining("unknown judge model 'gpt-9'").hasMessageContaining("scripted:FILE");
    }

    @Test
    void everyModelCallIsAnEventWithItsPromptResponsesAndTokens() throws Exception {
        RunResult[] r = new RunResult[1];
        List<String> events = run(writtenMcts("model_calls", 2), new SumWriter("w"), null, r);
        RunEvent e = TraceJson.fromLine(events.stream().filter(l -> l.contains("\"model_called\"")).findFirst().orElseThrow());
        ModelCalled call = (ModelCalled) e;
        assertThat(call.call()).isZero();
        assertThat(call.model()).isEqualTo("w");
        assertThat(call.promptTokens()).isEqualTo(3);
        assertThat(call.completionTokens()).isEqualTo(15);
        assertThat(call.exchanges().get(0).prompt()).isEqualTo("0 8 20");
        assertThat(call.exchanges().get(0).node()).isZero();
        assertThat(call.latencyMs()).isGreaterThanOrEqualTo(0);
    }
}
