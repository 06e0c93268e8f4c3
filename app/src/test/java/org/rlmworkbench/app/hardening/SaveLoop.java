package org.rlmworkbench.app.hardening;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.rlmworkbench.app.workspace.Workspace;
import org.rlmworkbench.app.workspace.WorkspaceIO;
import org.rlmworkbench.runner.neural.ModelSet;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.scheme.SchemeIO;

/**
 * The child JVM of {@link KillDuringSaveTest}: saves a workspace, a scheme and a model set over and
 * over, version a then version b, until it is killed. Prints {@code ready} once the loop runs.
 * Arguments: the test's directory.
 */
public final class SaveLoop {

    private SaveLoop() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Workspace[] ws = {WorkspaceIO.read(dir.resolve("a.rlmw.json")), WorkspaceIO.read(dir.resolve("b.rlmw.json"))};
        Scheme[] schemes = {BuiltinSchemes.load(KillDuringSaveTest.SCHEME_A), BuiltinSchemes.load(KillDuringSaveTest.SCHEME_B)};
        @SuppressWarnings("unchecked")
        Map<String, byte[]>[] sets = new Map[] {files(dir.resolve("models-a")), files(dir.resolve("models-b"))};
        Path target = dir.resolve("target");
        for (long i = 0; ; i++) {
            int v = (int) (i % 2);
            WorkspaceIO.write(ws[v], target.resolve("w.rlmw.json"));
            SchemeIO.write(schemes[v], target.resolve("s.json"));
            ModelSet.publish(target.resolve("models"), sets[v]);
            if (i == 0) {
                System.out.println("ready");
                System.out.flush();
            }
        }
    }

    static Map<String, byte[]> files(Path dir) throws Exception {
        Map<String, byte[]> m = new TreeMap<>();
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) {
                m.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }
}
