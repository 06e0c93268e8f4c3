package org.rlmworkbench.problems.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.runner.cli.WorkbenchCli;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Problems;
import org.rlmworkbench.runner.training.TrainingPipeline;
import org.rlmworkbench.runner.training.TrainingSettings;

/**
 * The project's own trained writer behind {@code workbench serve}, driven over HTTP through the
 * endpoint client, against the same model embedded: {@code mcts-lm} and {@code tot-lm} on Game of 24
 * with the same seed solve the same puzzles, and a run's trace is the same event for event (the
 * model's name, the clock and the token counts masked: HTTP names the model by its endpoint, and
 * serve reports a sample's log-probability as one token).
 */
class ServedWriterGame24Test {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fields that say which transport answered rather than what it answered. */
    private static final Set<String> TRANSPORT = Set.of("model", "latencyMs", "promptTokens", "completionTokens", "tokens",
            "prompt_tokens", "completion_tokens", "mean_seconds");

    @TempDir
    Path dir;

    /** A writer whose text can be read while the command still runs. */
    private static final class Live extends Writer {
        final StringBuffer text = new StringBuffer();

        @Override
        public void write(char[] c, int off, int len) {
            text.append(c, off, len);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void mctsLmAndTotLmThroughServeSolveWhatTheEmbeddedModelSolves() throws Exception {
        Problem<Object> game24 = (Problem<Object>) Problems.byId("game24");
        Path models = dir.resolve("models");
        TrainingSettings s = TrainingSettings.defaults("game24").withPhases(1).withInstances(40, 6).withBudget(100)
                .withEpochs(4, 12).withSizes(64, 32, true, 48, 1);
        TrainingPipeline.run(game24, s, models, e -> { }, () -> false);

        Live out = new Live();
        Live err = new Live();
        AtomicInteger code = new AtomicInteger(-1);
        Thread serve = new Thread(() -> code.set(WorkbenchCli.execute(new String[] {"serve", "--models", models.toString(),
            "--port", "0"}, new PrintWriter(out, true), new PrintWriter(err, true))), "serve");
        serve.start();
        try {
            Matcher m = Pattern.compile("serving on (http://127\\.0\\.0\\.1:\\d+/v1)").matcher("");
            long t0 = System.nanoTime();
            while (!m.reset(out.text).find()) {
                assertThat(code.get()).as("serve ended: " + out.text + err.text).isEqualTo(-1);
                assertThat(System.nanoTime() - t0).as("serve printed: " + out.text + err.text).isLessThan(120_000_000_000L);
                Thread.sleep(50);
            }
            Path endpoints = dir.resolve("endpoints.json");
            Files.writeString(endpoints, "{\"endpoints\": [{\"name\": \"local\", \"base_url\": \"" + m.group(1) + "\","
                    + " \"model\": \"game24-lm\", \"api\": \"completions\", \"prompt_style\": \"state\","
                    + " \"max_concurrency\": 8, \"timeout_seconds\": 300}]}");
            List<String> embedded = List.of("--writer", "lm", "--models", models.toString());
            List<String> served = List.of("--writer", "local", "--endpoints", endpoints.toString(), "--models",
                    models.toString());
            for (String[] scheme : new String[][] {{"mcts-lm", "40"}, {"tot-lm", "3"}}) {
                List<String> eval = List.of("eval", "--problem", "game24", "--split", "test", "--limit", "5", "--scheme",
                        scheme[0], "--budget", scheme[1], "--seed", "3", "--no-cache", "--json");
                JsonNode local = evalJson(eval, embedded);
                JsonNode remote = evalJson(eval, served);
                System.out.printf("%s, 5 test puzzles, budget %s, seed 3: embedded %s; through serve %s%n", scheme[0],
                        scheme[1], local, remote);
                assertThat(remote.path("model_calls").asInt()).isPositive();
                assertThat(remote.path("solved").asInt()).as(scheme[0] + " solved").isEqualTo(local.path("solved").asInt());
                assertThat(masked(remote)).as(scheme[0]).isEqualTo(masked(local));

                List<String> run = List.of("run", "--problem", "game24", "--instance", "4 6 8 2", "--scheme", scheme[0],
                        "--budget", scheme[1], "--seed", "11", "--no-cache", "--trace");
                List<JsonNode> a = trace(run, embedded, dir.resolve(scheme[0] + "-embedded.jsonl"));
                List<JsonNode> b = trace(run, served, dir.resolve(scheme[0] + "-served.jsonl"));
                assertThat(b).filteredOn(e -> e.path("type").asText().equals("model_called")).isNotEmpty()
                        .allSatisfy(e -> assertThat(e.path("model").asText()).startsWith("local:game24-lm@127.0.0.1:"));
                assertThat(b).as(scheme[0] + " trace through serve").hasSameSizeAs(a);
                for (int i = 0; i < a.size(); i++) {
                    assertThat(masked(b.get(i))).as("%s event %d", scheme[0], i).isEqualTo(masked(a.get(i)));
                }
            }
        } finally {
            serve.interrupt();
            serve.join(10_000);
        }
        assertThat(code.get()).isZero();
    }

    private static JsonNode evalJson(List<String> eval, List<String> models) throws Exception {
        List<String> args = new ArrayList<>(eval);
        args.addAll(models);
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    private static List<JsonNode> trace(List<String> run, List<String> models, Path file) throws Exception {
        List<String> args = new ArrayList<>(run);
        args.add(file.toString());
        args.addAll(models);
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            events.add(JSON.readTree(line));
        }
        return events;
    }

    private static JsonNode masked(JsonNode n) {
        JsonNode c = n.deepCopy();
        mask(c);
        return c;
    }

    private static void mask(JsonNode n) {
        if (n instanceof ObjectNode o) {
            o.remove(TRANSPORT);
        }
        n.forEach(ServedWriterGame24Test::mask);
    }
}
