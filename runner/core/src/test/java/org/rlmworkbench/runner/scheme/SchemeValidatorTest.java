package org.rlmworkbench.runner.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A corpus of broken scheme files, each with the error it must produce. */
class SchemeValidatorTest {

    static Path broken(String name) throws URISyntaxException {
        return Path.of(SchemeValidatorTest.class.getResource("/broken/" + name).toURI());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "malformed.json           | -        | -                 | malformed JSON at line 5, column 329: Unexpected end-of-input",
        "unknown-operator.json    | expand   | type              | unknown operator 'Expandify'",
        "missing-wire.json        | evaluate | ports.out         | missing wire: output port 'out' is not connected",
        "missing-wire.json        | backprop | ports.in          | missing wire: input port 'in' is not connected",
        "dangling-wire.json       | nowhere  | wires[8].to       | dangling wire backprop.out -> nowhere.in: no node 'nowhere'",
        "bad-port.json            | select   | wires[2].fromPort | Select has no output port 'result'",
        "unreachable.json         | orphan   | ports.in          | unreachable: no path of wires leads here from 'start'",
        "loop-without-budget.json | loop     | params.iterations | loop without a budget",
        "cycle-without-loop.json  | backprop | wires             | loop without a budget: [backprop, evaluate, expand, select] form a cycle",
        "param-range.json         | select   | params.c          | must be between 0 and 100, got 500.0",
        "param-type.json          | expand   | params.k          | must be an integer, got 'all'",
        "bad-enum.json            | select   | params.rule       | must be one of [puct, uct, prior_free_puct, greedy, top_k, sample], got 'ucb9'",
        "duplicate-id.json        | select   | id                | two nodes have the id 'select'",
        "no-start.json            | -        | nodes             | the scheme has no Start node",
        "foreign.json             | -        | format            | not a scheme file",
        "output-wired-twice.json  | select   | wires[9].fromPort | output port 'out' already has a wire",
        "future-version.json      | -        | version           | unsupported version 99",
        "not-an-object.json       | -        | -                 | not a scheme: the file must hold a JSON object",
    })
    void eachBrokenFileNamesTheNodeAndField(String file, String node, String field, String message)
            throws Exception {
        SchemeLoad load = SchemeIO.read(broken(file));
        assertThat(load.hasErrors()).isTrue();
        assertThat(load.errors()).anySatisfy(e -> {
            assertThat(e.isError()).isTrue();
            assertThat(e.nodeId()).isEqualTo(node);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.message()).contains(message);
        });
    }

    @Test
    void everyProblemIsReportedAtOnce() throws Exception {
        List<SchemeError> errors = SchemeIO.read(broken("three-problems.json")).errors();
        assertThat(errors).extracting(SchemeError::nodeId, SchemeError::field)
                .contains(org.assertj.core.groups.Tuple.tuple("select", "params.c"),
                        org.assertj.core.groups.Tuple.tuple("expand", "type"),
                        org.assertj.core.groups.Tuple.tuple("evaluate", "ports.out"));
    }

    @Test
    void messagesReadWellWithTheirNodeAndField() throws Exception {
        SchemeError e = SchemeIO.read(broken("param-range.json")).errors().get(0);
        assertThat(e.toString()).isEqualTo("error: node 'select', field params.c: must be between 0 and 100, got 500.0");
    }

    @Test
    void everyBuiltInSchemeIsValidWithoutWarnings() {
        for (String name : BuiltinSchemes.NAMES) {
            Scheme s = BuiltinSchemes.load(name);
            assertThat(SchemeValidator.validate(s)).as(name).isEmpty();
            assertThat(s.description()).as(name).hasSizeGreaterThan(100);
        }
    }

    @Test
    void anUnknownParameterIsOnlyAWarning() {
        Scheme s = BuiltinSchemes.load("mcts");
        SchemeNode sel = s.node("select").orElseThrow().withParam("colour", "red");
        List<SchemeError> errors = SchemeValidator.validate(s.withNode(sel));
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.isError()).isFalse();
            assertThat(e.field()).isEqualTo("params.colour");
        });
    }
}
