package org.rlmworkbench.problems.integration;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The command line in a child JVM of its own, for what needs a real process: signals, kills, a small heap. */
final class ChildJvm {

    /** Exit code and the two streams of a finished child. */
    record Result(int code, String out, String err) {
    }

    private ChildJvm() {
    }

    /** Starts {@code workbench ARGS} in a child JVM with the given JVM options; its output goes to files in {@code dir}. */
    static Process start(Path dir, List<String> jvmOptions, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-Dai.djl.offline=true");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.rlmworkbench.runner.cli.WorkbenchCli");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectOutput(dir.resolve("child.out").toFile());
        pb.redirectError(dir.resolve("child.err").toFile());
        return pb.start();
    }

    /** Runs to the end (at most {@code seconds}) and returns what it printed. */
    static Result run(Path dir, long seconds, List<String> jvmOptions, String... args) throws Exception {
        Process p = start(dir, jvmOptions, args);
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("the child did not end within " + seconds + " s: " + String.join(" ", args));
        }
        return new Result(p.exitValue(), Files.readString(dir.resolve("child.out")),
                Files.readString(dir.resolve("child.err")));
    }

}
