package org.rlmworkbench.editor.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;
import org.rlmworkbench.runner.scheme.Position;
import org.rlmworkbench.runner.scheme.Scheme;
import org.rlmworkbench.runner.scheme.Wire;

/** The layered layout places every node, without overlaps, flowing left to right. */
class TidyLayoutTest {

    @Test
    void everyBuiltinGetsAnOverlapFreeLeftToRightLayout() {
        for (String name : BuiltinSchemes.NAMES) {
            Scheme s = BuiltinSchemes.load(name);
            Map<String, Position> p = TidyLayout.positions(s);
            assertThat(p.keySet()).as(name).containsExactlyInAnyOrderElementsOf(
                    s.nodes().stream().map(n -> n.id()).toList());
            List<Position> all = new ArrayList<>(p.values());
            for (int i = 0; i < all.size(); i++) {
                for (int j = i + 1; j < all.size(); j++) {
                    Position a = all.get(i);
                    Position b = all.get(j);
                    boolean apart = Math.abs(a.x() - b.x()) >= 160 || Math.abs(a.y() - b.y()) >= 120;
                    assertThat(apart).as("%s: %s and %s overlap", name, a, b).isTrue();
                }
            }
            String start = s.nodes().stream().filter(n -> n.type().equals("Start")).findFirst().orElseThrow().id();
            for (Wire w : s.wires()) {
                if (w.from().equals(start)) {
                    assertThat(p.get(w.to()).x()).as(name).isGreaterThan(p.get(start).x());
                }
            }
        }
    }
}
