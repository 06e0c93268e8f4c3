package org.rlmworkbench.runner.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A million-node tree must fit in a 1 GiB heap: checked for real in a child JVM started with
 * -Xmx1g, which builds the tree with per-node states and step texts and reports its size.
 */
class MemoryFootprintTest {

    /** Builds the tree; exits 0 with the node count on success, dies of OutOfMemoryError otherwise. */
    public static final class Build {
        public static void main(String[] args) {
            int count = Integer.parseInt(args[0]);
            ReasoningGraph g = new ReasoningGraph(16);
            int root = g.addRoot("root", "state", false);
            int parent = root;
            for (int i = 1; i < count; i++) {
                int[] st = {i, i + 1, i + 2};
                int id = g.addChild(parent, "step " + i, st, 0.1, i % 7 == 0);
                g.setStats(id, 1, 0.5);
                g.setValue(id, 0.25);
                if (g.childCount(parent) == 36) {
                    parent++;
                }
            }
            System.out.println(g.size());
        }
    }

    @Test
    void aMillionNodesFitInOneGibibyte() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                Build.class.getName(), "1000000")).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).isEqualTo("1000000");
    }
}
