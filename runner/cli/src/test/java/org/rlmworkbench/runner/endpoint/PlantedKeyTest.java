package org.rlmworkbench.runner.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.runner.interpret.Interpreter;
import org.rlmworkbench.runner.interpret.RunResult;
import org.rlmworkbench.runner.interpret.RunSettings;
import org.rlmworkbench.runner.model.LanguageModel;
import org.rlmworkbench.runner.model.LanguageModelResolver;
import org.rlmworkbench.runner.model.Models;
import org.rlmworkbench.runner.model.ResponseCache;
import org.rlmworkbench.runner.operator.RunContext;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.serve.OpenAiServer;
import org.rlmworkbench.runner.toy.SumProblem;
import org.rlmworkbench.runner.toy.SumWriter;
import org.rlmworkbench.runner.trace.TraceWriter;

/**
 * A run against an endpoint whose server demands a key: the key, planted in the environment, reaches
 * the server, and no file the run writes (trace, response cache, endpoints file, probe store, the
 * error of a refused key) holds it.
 */
class PlantedKeyTest {
    private static final String KEY = "sk-PLANTED-3c1d9e7f0b2a4c6e";

    @TempDir
    Path dir;

    @Test
    void theKeyReachesTheServerAndNoFileTheRunWritesHoldsIt() throws Exception {
        Function<String, String> env = v -> v.equals("PLANTED_KEY") ? KEY : null;
        try (OpenAiServer server = OpenAiServer.start(Map.of("sum-lm", new SumWriter("sum")), "127.0.0.1", 0, KEY)) {
            Path endpoints = dir.resolve("endpoints.json");
            Files.writeString(endpoints, "{\"endpoints\": [{\"name\": \"box\", \"base_url\": \"" + server.baseUrl("127.0.0.1")
                    + "\", \"model\": \"sum-lm\", \"api\": \"completions\", \"api_key_env\": \"PLANTED_KEY\","
                    + " \"prompt_style\": \"state\", \"price_in\": 1.0, \"price_out\": 2.0}]}");
            ProbeStore.beside(endpoints).save(EndpointProbe.probe(EndpointsFile.load(endpoints).find("box").orElseThrow(), env));
            assertThat(ProbeStore.beside(endpoints).load().get("box").models()).containsExactly("sum-lm");

            LanguageModel writer = new LanguageModelResolver(() -> null).with(new EndpointKind(endpoints, env))
                    .resolve("writer", "box");
            Scheme s = BuiltinSchemes.load("mcts");
            s = s.withNode(s.node("expand").orElseThrow().withParam("source", "sample").withParam("k", 3));
            s = s.withNode(s.node("evaluate").orElseThrow().withParam("source", "heuristic"));
            s = s.withNode(s.node("loop").orElseThrow().withParam("iterations", 20));
            Interpreter in = new Interpreter(s, new SumProblem(), Models.problemNative().withWriter(writer));
            RunSettings settings = new RunSettings(3, null);
            RunResult r;
            try (TraceWriter trace = TraceWriter.toFile(dir.resolve("run.jsonl"))) {
                RunContext ctx = in.newContext(settings, List.of(trace), null);
                ctx.modelCalls().useCache(new ResponseCache(dir.resolve("cache")));
                r = in.run(ctx, "20 8", settings);
            }
            assertThat(r.usage().calls()).isGreaterThan(3);
            assertThat(r.usage().cost()).isGreaterThan(0);

            // the wrong key: refused, and the message names the variable, not the key the server echoes
            Function<String, String> wrong = v -> v.equals("PLANTED_KEY") ? KEY + "-old" : null;
            try (OpenAiCompatibleModel bad = EndpointModels.open(EndpointsFile.load(endpoints), "box", wrong)) {
                assertThatThrownBy(() -> bad.complete(List.of(new org.rlmworkbench.runner.model.CompletionRequest(
                        "1 7 20", 1, 1.0, 8, List.of(), 1)), org.rlmworkbench.runner.model.CancelToken.none()))
                        .satisfies(e -> Files.writeString(dir.resolve("errors.log"), e.getMessage()))
                        .hasMessageContaining("$PLANTED_KEY").hasMessageContaining("HTTP 401");
            }
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("run.jsonl", "endpoints.json", "endpoints.probe.json", "errors.log");
        assertThat(files.stream().filter(p -> p.startsWith(dir.resolve("cache")))).isNotEmpty();
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertThat(text).as(f.toString()).doesNotContain(KEY).doesNotContain("PLANTED-3c1d");
        }
    }
}
