package org.rlmworkbench.runner.cli;

import java.util.concurrent.Callable;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Problems;
import org.rlmworkbench.runner.scheme.BuiltinSchemes;
import org.rlmworkbench.runner.scheme.NodeType;
import org.rlmworkbench.runner.scheme.ParamSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code workbench list schemes|problems|operators}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists built-in schemes, problems or operators.")
final class ListCommand implements Callable<Integer> {

    /** What to list. */
    enum What { schemes, problems, operators }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", description = "schemes, problems or operators")
    What what;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        switch (what) {
            case schemes -> {
                for (String name : BuiltinSchemes.NAMES) {
                    out.printf("%-17s %s%n", name, BuiltinSchemes.load(name).description());
                }
            }
            case problems -> {
                for (Problem<?> p : Problems.all()) {
                    out.printf("%-12s %s: %s%n", p.id(), p.displayName(), p.description());
                }
            }
            case operators -> {
                for (NodeType t : NodeType.values()) {
                    out.printf("%-14s [%s] %s%n", t.typeName(), t.category().label(), t.description());
                    out.printf("               rule: %s%n", t.formula());
                    for (ParamSpec p : t.params()) {
                        out.printf("               %s (%s%s): %s%n", p.name(), p.kind().name().toLowerCase(),
                                p.defaultValue() == null ? "" : ", default " + p.defaultValue(), p.doc());
                    }
                }
            }
        }
        return 0;
    }
}
