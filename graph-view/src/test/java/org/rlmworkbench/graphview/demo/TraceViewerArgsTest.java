package org.rlmworkbench.graphview.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trace viewer demo answers a bad trace or argument with one line naming it, not a stack trace. */
class TraceViewerArgsTest {

    private static String report(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TraceViewerArgs a = TraceViewerArgs.parseOrReport(List.of(args), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(a).isNull();
        String err = bytes.toString(StandardCharsets.UTF_8);
        assertThat(err).startsWith("error: ").doesNotContain("Exception", "\tat ");
        return err;
    }

    @Test
    void badTracesAndArgumentsAreOneLineMessages(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), "{\"type\":\"node_added\",\"id\":3}\n");
        assertThat(report(bad.toString())).contains("bad.jsonl, line 1: expected a run_started event first");
        assertThat(report(dir.resolve("none.jsonl").toString())).contains("none.jsonl: no such trace file");
        Path bin = Files.write(dir.resolve("bin.jsonl"), new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1});
        assertThat(report(bin.toString())).contains("bin.jsonl, line 1: not UTF-8 text");
        Path good = Files.writeString(dir.resolve("good.jsonl"),
                "{\"type\":\"run_started\",\"scheme\":\"x\",\"problem\":\"p\",\"instance\":\"i\",\"seed\":1}\n");
        assertThat(report(good.toString(), "fast")).contains("'fast' is not a number");
        assertThat(report(good.toString(), "--layout", "spiral")).contains("--layout: unknown layout 'spiral'");
        assertThat(report()).contains("usage: TraceViewerDemo");
    }
}
