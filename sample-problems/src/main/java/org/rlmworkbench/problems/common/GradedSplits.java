package org.rlmworkbench.problems.common;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.rlmworkbench.runner.problem.Dataset;

/**
 * Train / validation / test splits of generated instances, one stream per difficulty: of each
 * difficulty's distinct instances, every 8th (rank 5) goes to test, every 8th (rank 0) to
 * validation, the rest to train. Within a split the difficulties take turns (easiest first), so
 * that any prefix of a split (eval --limit, the first instances training takes) spans them all.
 */
public final class GradedSplits {

    private GradedSplits() {
    }

    /**
     * @param difficulties the difficulties, easiest first
     * @param perDifficulty distinct instances wanted of each
     * @param next draws the next instance text of a difficulty (each difficulty from its own seeded stream)
     */
    public static Dataset build(List<Integer> difficulties, int perDifficulty, Function<Integer, String> next) {
        List<List<String>> train = new ArrayList<>();
        List<List<String>> validation = new ArrayList<>();
        List<List<String>> test = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int d : difficulties) {
            List<String> tr = new ArrayList<>();
            List<String> va = new ArrayList<>();
            List<String> te = new ArrayList<>();
            int rank = 0;
            while (rank < perDifficulty) {
                String text = next.apply(d);
                if (!seen.add(text)) {
                    continue;
                }
                switch (rank % 8) {
                    case 5 -> te.add(text);
                    case 0 -> va.add(text);
                    default -> tr.add(text);
                }
                rank++;
            }
            train.add(tr);
            validation.add(va);
            test.add(te);
        }
        return new Dataset(interleave(train), interleave(validation), interleave(test));
    }

    private static List<String> interleave(List<List<String>> lists) {
        List<String> out = new ArrayList<>();
        for (int i = 0; ; i++) {
            boolean any = false;
            for (List<String> l : lists) {
                if (i < l.size()) {
                    out.add(l.get(i));
                    any = true;
                }
            }
            if (!any) {
                return out;
            }
        }
    }
}
