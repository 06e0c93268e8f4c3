package org.rlmworkbench.app.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.app.session.RunSetup;
import org.rlmworkbench.app.workspace.Workspace;
import org.rlmworkbench.app.workspace.WorkspaceIO;
import org.rlmworkbench.runner.model.ModelChoice;
import org.rlmworkbench.runner.neural.ModelSet;
import org.rlmworkbench.runner.neural.TrainedModels;
import org.rlmworkbench.runner.problem.Problems;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;
import org.rlmworkbench.runner.scheme.SchemeIO;
import org.rlmworkbench.runner.scheme.SchemeLoad;

/**
 * A child JVM saving a workspace, a scheme and a model set in a loop is killed with SIGKILL at 50
 * random (seeded) moments (issue 16). After each kill every file is the old version or the new
 * one, complete, and opens. The outcomes go to {@code target/kill-summary.txt}.
 */
class KillDuringSaveTest {

    static final String SCHEME_A = "mcts";
    static final String SCHEME_B = "beam";
    private static final int KILLS = 50;

    @Test
    void aKillAtAnyMomentLeavesTheOldOrTheNewVersion(@TempDir Path dir) throws Exception {
        Fixtures fx = Fixtures.make(dir.resolve("fixtures"));
        Workspace a = WorkspaceIO.read(writeWorkspace(dir, "a.rlmw.json", fx, 12));
        Workspace b = WorkspaceIO.read(writeWorkspace(dir, "b.rlmw.json", fx, 40));
        byte[][] wsBytes = {Files.readAllBytes(dir.resolve("a.rlmw.json")), Files.readAllBytes(dir.resolve("b.rlmw.json"))};
        String[] schemeText = {SchemeIO.toJson(BuiltinSchemes.load(SCHEME_A)), SchemeIO.toJson(BuiltinSchemes.load(SCHEME_B))};
        Fixtures.saveModels(Files.createDirectories(dir.resolve("models-a")), Problems.byId("game24"), 1);
        Fixtures.saveModels(Files.createDirectories(dir.resolve("models-b")), Problems.byId("game24"), 2);
        List<Map<String, byte[]>> sets = List.of(SaveLoop.files(dir.resolve("models-a")),
                SaveLoop.files(dir.resolve("models-b")));
        Path target = Files.createDirectories(dir.resolve("target"));
        WorkspaceIO.write(a, target.resolve("w.rlmw.json"));
        SchemeIO.write(BuiltinSchemes.load(SCHEME_A), target.resolve("s.json"));
        ModelSet.publish(target.resolve("models"), sets.get(0));
        assertThat(Files.readAllBytes(target.resolve("w.rlmw.json"))).isEqualTo(wsBytes[0]);
        assertThat(b).isNotNull();

        Random rnd = new Random(16);
        int[][] seen = new int[3][2];
        List<String> broken = new ArrayList<>();
        int midWrite = 0;
        for (int k = 0; k < KILLS; k++) {
            Process child = start(dir);
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line = r.readLine();
                assertThat(line).as("the child started saving; its errors: " + errors(dir)).isEqualTo("ready");
                Thread.sleep(rnd.nextInt(250));
                child.destroyForcibly(); // SIGKILL
                assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
            }
            if (leftovers(target) > 0) {
                midWrite++;
            }
            byte[] ws = Files.readAllBytes(target.resolve("w.rlmw.json"));
            int wv = Arrays.equals(ws, wsBytes[0]) ? 0 : Arrays.equals(ws, wsBytes[1]) ? 1 : -1;
            if (wv < 0) {
                broken.add("kill " + k + ": the workspace is neither version (" + ws.length + " bytes)");
            } else {
                seen[0][wv]++;
                WorkspaceIO.read(target.resolve("w.rlmw.json"));
            }
            String s = Files.readString(target.resolve("s.json"));
            int sv = s.equals(schemeText[0]) ? 0 : s.equals(schemeText[1]) ? 1 : -1;
            SchemeLoad load = SchemeIO.read(target.resolve("s.json"));
            if (sv < 0 || load.hasErrors()) {
                broken.add("kill " + k + ": the scheme is neither version, or does not open: " + load.errors());
            } else {
                seen[1][sv]++;
            }
            Path set = ModelSet.resolve(target.resolve("models"));
            Map<String, byte[]> got = SaveLoop.files(set);
            int mv = same(got, sets.get(0)) ? 0 : same(got, sets.get(1)) ? 1 : -1;
            if (mv < 0) {
                broken.add("kill " + k + ": the model set is neither version: " + got.keySet());
            } else {
                seen[2][mv]++;
                try (TrainedModels t = TrainedModels.load(target.resolve("models"), Problems.byId("game24"))) {
                    assertThat(t.value()).isNotNull();
                    assertThat(t.policy()).isNotNull();
                    assertThat(t.lm()).isNotNull();
                }
            }
        }
        String summary = String.format("kill test: %d SIGKILLs of a child saving in a loop; after each, workspace"
                + " old/new %d/%d, scheme %d/%d, model set %d/%d (version a/b), %d broken; %d kills landed mid-write (left a temporary file behind)%n", KILLS,
                seen[0][0], seen[0][1], seen[1][0], seen[1][1], seen[2][0], seen[2][1], broken.size(), midWrite);
        Path out = Path.of("target");
        if (Files.isDirectory(out)) {
            Files.writeString(out.resolve("kill-summary.txt"), summary + String.join("\n", broken));
        }
        System.out.print(summary);
        assertThat(broken).as(summary).isEmpty();
        assertThat(seen[0][0] + seen[0][1]).isEqualTo(KILLS);
    }

    /** Temporary files and directories a killed save left behind; removes them and returns how many. */
    private static int leftovers(Path target) throws Exception {
        int n = 0;
        try (var s = Files.walk(target)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                String name = p.getFileName().toString();
                boolean temp = name.startsWith(".") && name.endsWith(".tmp") || name.startsWith(".set-new-");
                boolean inTemp = p.toString().contains("/.set-new-");
                if (temp || inTemp) {
                    Files.delete(p);
                    n += temp ? 1 : 0;
                }
            }
        }
        return n;
    }

    private static boolean same(Map<String, byte[]> x, Map<String, byte[]> y) {
        if (!x.keySet().equals(y.keySet())) {
            return false;
        }
        return x.keySet().stream().allMatch(k -> Arrays.equals(x.get(k), y.get(k)));
    }

    private static Path writeWorkspace(Path dir, String name, Fixtures fx, int budget) throws Exception {
        Path f = dir.resolve(name);
        Workspace base = WorkspaceIO.read(Files.writeString(dir.resolve("base-" + name), fx.workspace()));
        RunSetup s = base.setup();
        WorkspaceIO.write(new Workspace(new RunSetup(s.scheme(), s.problem(), s.instance(), ModelChoice.NATIVE, budget,
                budget), base.trace()), f);
        return f;
    }

    private static Process start(Path dir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                SaveLoop.class.getName(), dir.toString());
        pb.redirectError(dir.resolve("child.err").toFile());
        return pb.start();
    }

    private static String errors(Path dir) throws Exception {
        Path f = dir.resolve("child.err");
        return Files.exists(f) ? Files.readString(f) : "";
    }
}
