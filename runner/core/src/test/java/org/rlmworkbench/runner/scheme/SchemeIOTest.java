package org.rlmworkbench.runner.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SchemeIOTest {

    static java.util.List<String> names() {
        return BuiltinSchemes.NAMES;
    }

    @ParameterizedTest
    @MethodSource("names")
    void builtInFilesAreCanonicalAndRoundTripExactly(String name, @TempDir Path dir) throws Exception {
        String text = BuiltinSchemes.json(name).orElseThrow();
        Scheme s = SchemeIO.parse(name, text).orThrow();
        assertThat(SchemeIO.toJson(s)).isEqualTo(text);
        Path f = dir.resolve(name + ".json");
        SchemeIO.write(s, f);
        Scheme back = SchemeIO.read(f).orThrow();
        assertThat(back).isEqualTo(s);
        assertThat(Files.readString(f)).isEqualTo(text);
    }

    @Test
    void positionsBreakpointsAndParameterTypesSurvive(@TempDir Path dir) throws Exception {
        Scheme s = BuiltinSchemes.load("mcts");
        SchemeNode sel = s.node("select").orElseThrow().withPosition(new Position(12.5, -3)).withBreakpoint(true)
                .withParam("c", 2.0);
        Scheme changed = s.withNode(sel);
        Path f = dir.resolve("x.json");
        SchemeIO.write(changed, f);
        Scheme back = SchemeIO.read(f).orThrow();
        SchemeNode b = back.node("select").orElseThrow();
        assertThat(b.position()).isEqualTo(new Position(12.5, -3));
        assertThat(b.breakpoint()).isTrue();
        assertThat(b.params().get("c")).isEqualTo(2.0);
        assertThat(back.node("loop").orElseThrow().params().get("iterations")).isEqualTo(500);
    }

    @Test
    void aSchemeWithErrorsIsStillReadSoItCanBeFixed() {
        String text = SchemeIO.toJson(BuiltinSchemes.load("mcts").withNode(
                new SchemeNode("extra", "Nonsense", java.util.Map.of())));
        SchemeLoad load = SchemeIO.parse("x", text);
        assertThat(load.scheme()).isNotNull();
        assertThat(load.scheme().nodes()).hasSize(9);
        assertThat(load.hasErrors()).isTrue();
    }

    @Test
    void atomicWriteLeavesNoTemporaryFilesAndReplacesTheOld(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.json");
        Files.writeString(f, "old");
        SchemeIO.write(BuiltinSchemes.load("beam"), f);
        assertThat(Files.readString(f)).contains("\"name\" : \"beam\"");
        try (var list = Files.list(dir)) {
            assertThat(list).containsExactly(f);
        }
    }
}
