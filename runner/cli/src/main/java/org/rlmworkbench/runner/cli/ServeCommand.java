package org.rlmworkbench.runner.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.rlmworkbench.runner.neural.ModelFileException;
import org.rlmworkbench.runner.serve.OpenAiServer;
import org.rlmworkbench.runner.serve.ServedModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench serve}: the trained models of a directory behind the OpenAI API, until killed or interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves the trained language models of a directory over the OpenAI API (/v1/models,"
                + " /v1/completions, /v1/chat/completions).")
final class ServeCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--models", required = true, description = "directory of trained networks (workbench train)")
    Path models;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE},"
            + " this machine only)")
    String host;

    @Option(names = "--port", defaultValue = "8000", description = "port; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--api-key-env", paramLabel = "NAME", description = "answer only requests that carry the key held"
            + " by this environment variable (for a server others can reach)")
    String apiKeyEnv;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        OptionChecks.range("--port", port, 0, 65_535);
        if (host.isBlank()) {
            throw new InputException("--host: empty; give an address such as 127.0.0.1");
        }
        String key = null;
        if (apiKeyEnv != null) {
            key = System.getenv(apiKeyEnv);
            if (key == null || key.isBlank()) {
                err.println("error: --api-key-env: the environment variable " + apiKeyEnv + " is not set");
                return WorkbenchCli.INPUT_ERROR;
            }
            key = key.strip();
        }
        ServedModels served;
        try {
            served = ServedModels.load(models);
        } catch (ModelFileException e) {
            err.println("error: " + e.getMessage());
            return WorkbenchCli.INPUT_ERROR;
        }
        OpenAiServer server;
        try {
            server = OpenAiServer.start(served.models(), host, port, key);
        } catch (IOException | RuntimeException e) {
            served.close();
            err.println("error: --host/--port: cannot listen on " + host + ":" + port + ": " + e.getMessage());
            return WorkbenchCli.INPUT_ERROR;
        }
        try {
            if (!InetAddress.getByName(host).isLoopbackAddress()) {
                err.println("warning: listening on " + host + ": anyone who can reach this machine can use the models");
            }
        } catch (IOException e) {
            // the bind worked, so the name resolves; nothing to warn about
        }
        Thread hook = new Thread(() -> {
            server.close();
            served.close();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("models: " + String.join(", ", served.models().keySet()));
        out.println("serving on " + server.baseUrl(host));
        out.flush();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            // stopped from inside the process (a test, an embedding app): close down as the hook would
            Runtime.getRuntime().removeShutdownHook(hook);
            hook.run();
        }
        return 0;
    }
}
