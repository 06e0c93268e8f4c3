package org.rlmworkbench.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.Callable;
import org.rlmworkbench.runner.problem.Instance;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Split;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench dataset}: a problem's instances as JSON Lines, with ids, gold answers and difficulties. */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = "Prints a problem's instances, one JSON object per line: id, instance, gold, difficulty.")
final class DatasetCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--problem", required = true, description = "problem id (see: workbench list problems)")
    String problem;

    @Option(names = "--split", defaultValue = "test", description = "train, validation or test (default: ${DEFAULT-VALUE})")
    String split;

    @Option(names = "--difficulty", description = "only this difficulty (e.g. 4) or range (e.g. 2-6)")
    String difficulty;

    @Option(names = "--limit", description = "at most N instances")
    Integer limit;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        try {
            Problem<?> p = Setup.problem(problem);
            Split s;
            try {
                s = Split.parse(split);
            } catch (IllegalArgumentException e) {
                throw new InputException("--split: " + e.getMessage());
            }
            if (limit != null && limit < 0) {
                throw new InputException("--limit: " + limit + " is negative");
            }
            DifficultyRange range = difficulty == null ? null : DifficultyRange.parse(difficulty);
            List<Instance> all = p.instances(s);
            if (range != null) {
                List<String> kept = range.filter(p, all.stream().map(Instance::text).toList(), p.id() + " " + s.label());
                all = all.stream().filter(i -> kept.contains(i.text())).toList();
            }
            ObjectMapper mapper = new ObjectMapper();
            int n = limit == null ? all.size() : Math.min(limit, all.size());
            for (Instance i : all.subList(0, n)) {
                ObjectNode o = mapper.createObjectNode();
                o.put("id", i.id());
                o.put("instance", i.text());
                if (i.gold() == null) {
                    o.putNull("gold");
                } else {
                    o.put("gold", i.gold());
                }
                if (Double.isNaN(i.difficulty())) {
                    o.putNull("difficulty");
                } else if (i.difficulty() == Math.rint(i.difficulty())) {
                    o.put("difficulty", (long) i.difficulty());
                } else {
                    o.put("difficulty", i.difficulty());
                }
                out.println(o);
            }
            out.flush();
            return 0;
        } catch (InputException e) {
            err.println("error: " + e.getMessage());
            return WorkbenchCli.INPUT_ERROR;
        }
    }
}
