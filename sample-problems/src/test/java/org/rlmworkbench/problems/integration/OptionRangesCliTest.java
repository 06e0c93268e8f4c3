package org.rlmworkbench.problems.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numbers out of range on {@code serve}, {@code models bench} and {@code export}: exit 2 with the
 * option named, before anything is listened on, measured or written.
 */
class OptionRangesCliTest {

    @TempDir
    Path dir;

    private static void refused(String option, String... args) {
        Cli.Result r = Cli.run(args);
        assertThat(r.code()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).as(String.join(" ", args)).contains(option);
    }

    @Test
    void serveRefusesPortsThatDoNotExist() throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        refused("--port", "serve", "--models", models.toString(), "--port", "70000");
        refused("--port", "serve", "--models", models.toString(), "--port", "-1");
        refused("--port", "serve", "--models", models.toString(), "--port", "eighty");
        refused("--host", "serve", "--models", models.toString(), "--host", " ", "--port", "0");
    }

    @Test
    void modelsBenchRefusesCountsThatMeasureNothing() {
        Path endpoints = dir.resolve("endpoints.json");
        refused("--concurrency", "models", "bench", "local", "--endpoints", endpoints.toString(), "--concurrency", "0");
        refused("--concurrency", "models", "bench", "local", "--endpoints", endpoints.toString(), "--concurrency", "1,8,5000");
        refused("--concurrency", "models", "bench", "--overhead", "--concurrency", "-3");
        refused("--seconds", "models", "bench", "local", "--endpoints", endpoints.toString(), "--seconds", "0");
        refused("--seconds", "models", "bench", "local", "--endpoints", endpoints.toString(), "--seconds", "NaN");
        refused("--seconds", "models", "bench", "local", "--endpoints", endpoints.toString(), "--seconds", "Infinity");
        refused("--n", "models", "bench", "local", "--endpoints", endpoints.toString(), "--n", "0");
        refused("--max-tokens", "models", "bench", "local", "--endpoints", endpoints.toString(), "--max-tokens", "-5");
        // in range, the command gets as far as the missing file and says so instead
        Cli.Result ok = Cli.run("models", "bench", "local", "--endpoints", endpoints.toString(), "--concurrency", "1,8,32");
        assertThat(ok.code()).isEqualTo(2);
        assertThat(ok.err()).contains(endpoints.toString()).doesNotContain("--concurrency");
    }

    @Test
    void exportRefusesMarginsAndThresholdsOutsideTheValueRange() {
        Path trace = dir.resolve("run.jsonl");
        Path out = dir.resolve("out.jsonl");
        for (String m : new String[] {"-1", "NaN", "Infinity", "2.5"}) {
            refused("--margin", "export", trace.toString(), "--as", "preference", "--margin", m, "--out", out.toString());
        }
        for (String t : new String[] {"NaN", "-Infinity", "1.5", "-7"}) {
            refused("--threshold", "export", trace.toString(), "--as", "prm", "--label", "q", "--threshold", t, "--out",
                    out.toString());
        }
        assertThat(out).doesNotExist();
    }
}
