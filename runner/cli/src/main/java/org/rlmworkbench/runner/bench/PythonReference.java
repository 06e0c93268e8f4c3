package org.rlmworkbench.runner.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The plain Python UCT of {@code bench/python/uct24.py} (the algorithm of {@code mcts-uct} on the
 * Game of 24, written for CPython), run as a child process on the same instances for the same time
 * so that {@code bench engine --python} measures both side by side. Python is optional: where the
 * interpreter or the script is missing, {@link #availability} says why and nothing runs.
 *
 * @param python the interpreter, e.g. {@code python3}
 * @param script the reference script
 */
public record PythonReference(String python, Path script) {

    /** Where the script lives in a checkout. */
    public static final Path DEFAULT_SCRIPT = Path.of("bench", "python", "uct24.py");

    /** Null when the reference can run, else why not (for a "skipped" line). */
    public String availability() {
        if (!Files.isRegularFile(script)) {
            return "no reference script at " + script.toAbsolutePath();
        }
        try {
            Process p = new ProcessBuilder(python, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return "'" + python + " --version' failed";
            }
            return null;
        } catch (IOException e) {
            return "no Python interpreter '" + python + "' (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * Runs the reference for about {@code seconds} on {@code instances} (cycling, seed + run number
     * per run, as the Java benchmark does) and reads its simulations, wall and CPU seconds.
     *
     * @throws IOException when it cannot start, fails, or prints no result
     */
    public Optional<EngineBenchmark.Throughput> measure(List<String> instances, int budget, long seed, double seconds)
            throws IOException {
        Process p = new ProcessBuilder(python, script.toString(), "--seconds", Double.toString(seconds),
                "--budget", Integer.toString(budget), "--seed", Long.toString(seed))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(String.join("\n", instances).concat("\n").getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        try {
            if (!p.waitFor((long) seconds + 120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(script + " did not finish");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        if (p.exitValue() != 0 || out.isEmpty()) {
            throw new IOException(script + " failed with exit code " + p.exitValue());
        }
        JsonNode r = new ObjectMapper().readTree(out.substring(out.lastIndexOf('\n') + 1));
        return Optional.of(new EngineBenchmark.Throughput(r.path("simulations").asLong(), 0, r.path("runs").asLong(),
                0, r.path("seconds").asDouble(), r.path("cpu_seconds").asDouble(), 1));
    }
}
