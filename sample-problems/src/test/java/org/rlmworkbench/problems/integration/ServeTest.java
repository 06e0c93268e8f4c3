package org.rlmworkbench.problems.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.Writer;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.runner.cli.WorkbenchCli;
import org.rlmworkbench.runner.endpoint.Endpoint;
import org.rlmworkbench.runner.endpoint.EndpointApi;
import org.rlmworkbench.runner.endpoint.OpenAiCompatibleModel;
import org.rlmworkbench.runner.endpoint.RetrySettings;
import org.rlmworkbench.runner.endpoint.ServerSupport;
import org.rlmworkbench.runner.model.CancelToken;
import org.rlmworkbench.runner.model.Completion;
import org.rlmworkbench.runner.model.CompletionRequest;
import org.rlmworkbench.runner.model.PromptStyle;
import org.rlmworkbench.runner.neural.Architecture;
import org.rlmworkbench.runner.neural.NetConfig;
import org.rlmworkbench.runner.neural.NetKind;
import org.rlmworkbench.runner.neural.NeuralNet;
import org.rlmworkbench.runner.serve.ServedModels;

/** {@code workbench serve} as a user starts it: a free loopback port, the model of a directory, the client reading it. */
class ServeTest {

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
    void servesTheDirectorysLanguageModelOnAFreePortAndAnswersAsTheModelItself() throws Exception {
        Path models = dir.resolve("models");
        // an untrained network is enough to pin the wire down: its texts are still a function of the seed
        try (NeuralNet lm = NeuralNet.create(NetConfig.of(NetKind.LM, "game24", Architecture.lm(16, 1, 2, 48), null), 3)) {
            lm.save(models);
        }
        Live out = new Live();
        Live err = new Live();
        AtomicInteger code = new AtomicInteger(-1);
        Thread serve = new Thread(() -> code.set(WorkbenchCli.execute(new String[] {"serve", "--models", models.toString(),
            "--port", "0"}, new PrintWriter(out, true), new PrintWriter(err, true))));
        serve.start();
        Matcher m = Pattern.compile("serving on http://127\\.0\\.0\\.1:(\\d+)/v1").matcher("");
        long t0 = System.nanoTime();
        while (!m.reset(out.text).find()) {
            assertThat(System.nanoTime() - t0).as("serve printed: " + out.text + err.text).isLessThan(60_000_000_000L);
            Thread.sleep(50);
        }
        int port = Integer.parseInt(m.group(1));
        assertThat(out.text.toString()).contains("models: game24-lm");
        CompletionRequest req = new CompletionRequest("4 6 8 2", 3, 1.0, 24, List.of(), 99);
        Endpoint ep = Endpoint.of("local", "http://127.0.0.1:" + port + "/v1", "game24-lm", EndpointApi.COMPLETIONS)
                .withPromptStyle(PromptStyle.STATE);
        Completion viaHttp;
        try (var client = new OpenAiCompatibleModel(ep, ServerSupport.UNKNOWN, RetrySettings.DEFAULT, k -> null)) {
            viaHttp = client.complete(List.of(req), CancelToken.none()).get(0);
        }
        Completion direct;
        try (ServedModels local = ServedModels.load(models)) {
            direct = local.models().get("game24-lm").complete(List.of(req), CancelToken.none()).get(0);
        }
        assertThat(viaHttp.samples()).extracting(Completion.Sample::text)
                .containsExactlyElementsOf(direct.samples().stream().map(Completion.Sample::text).toList());
        for (int i = 0; i < 3; i++) {
            assertThat(viaHttp.samples().get(i).logProb()).isCloseTo(direct.samples().get(i).logProb(),
                    org.assertj.core.data.Offset.offset(1e-9));
        }
        serve.interrupt();
        serve.join(10_000);
        assertThat(code.get()).isZero();
        try (Socket s = new Socket("127.0.0.1", port)) {
            throw new AssertionError("still listening on " + port);
        } catch (ConnectException expected) {
            // closed
        }
    }

    @Test
    void aDirectoryWithoutALanguageModelIsAnInputError() {
        Cli.Result r = Cli.run("serve", "--models", dir.resolve("none").toString(), "--port", "0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(dir.resolve("none").toString()).contains("no such model directory");
        Cli.Result empty = Cli.run("serve", "--models", dir.toString(), "--port", "0");
        assertThat(empty.code()).isEqualTo(2);
        assertThat(empty.err()).contains("holds no language model (lm.json)");
    }
}
