package org.rlmworkbench.problems.game24;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rlmworkbench.runner.problem.Dataset;
import org.rlmworkbench.runner.problem.Step;

/**
 * The Game of 24 dataset, generated rather than stored: every multiset of four numbers 1..13
 * (1820 of them), the solvable ones kept, ranked from easiest to hardest by
 * {@link Game24Difficulty} with ties broken by instance text, and split by rank so that every
 * split spans all difficulties: rank % 10 == 5 is test, rank % 10 == 0 is validation, the rest
 * is train. Built once, on first use, by {@link #get()}.
 */
final class Game24Dataset {

    static final int MIN_NUMBER = 1;
    static final int MAX_NUMBER = 13;

    private final List<String> ranked;
    private final Dataset splits;

    private Game24Dataset(List<String> ranked, Dataset splits) {
        this.ranked = ranked;
        this.splits = splits;
    }

    /** Lazy holder: the JVM builds the dataset once, thread-safely, on first access. */
    private static final class Holder {
        static final Game24Dataset INSTANCE = generate();
    }

    static Game24Dataset get() {
        return Holder.INSTANCE;
    }

    /** Solvable instances, easiest first. */
    List<String> ranked() {
        return ranked;
    }

    Dataset splits() {
        return splits;
    }

    /** Builds the dataset from scratch; {@link #get()} does it once and caches it. */
    static Game24Dataset generate() {
        PathCounter counter = new PathCounter();
        List<String> texts = new ArrayList<>();
        Map<String, Game24Difficulty> byText = new HashMap<>();
        for (int a = MIN_NUMBER; a <= MAX_NUMBER; a++) {
            for (int b = a; b <= MAX_NUMBER; b++) {
                for (int c = b; c <= MAX_NUMBER; c++) {
                    for (int d = c; d <= MAX_NUMBER; d++) {
                        Game24Difficulty difficulty = counter.count(Game24State.ofInts(a, b, c, d));
                        if (difficulty.solvable()) {
                            String text = a + " " + b + " " + c + " " + d;
                            texts.add(text);
                            byText.put(text, difficulty);
                        }
                    }
                }
            }
        }
        texts.sort(Comparator.comparing((String t) -> byText.get(t)).thenComparing(Comparator.naturalOrder()));
        List<String> train = new ArrayList<>();
        List<String> validation = new ArrayList<>();
        List<String> test = new ArrayList<>();
        for (int rank = 0; rank < texts.size(); rank++) {
            switch (rank % 10) {
                case 5 -> test.add(texts.get(rank));
                case 0 -> validation.add(texts.get(rank));
                default -> train.add(texts.get(rank));
            }
        }
        return new Game24Dataset(List.copyOf(texts), new Dataset(train, validation, test));
    }

    /**
     * Counts complete step sequences and the ones that end in 24, through the very steps the
     * problem lists. Step counts depend only on the multiset (see {@link Game24Moves}), so counts
     * are memoised by state; instances share most of their three- and two-number states.
     */
    static final class PathCounter {
        private final Map<Game24State, Game24Difficulty> memo = new HashMap<>();

        Game24Difficulty count(Game24State state) {
            if (state.isTerminal()) {
                return new Game24Difficulty(state.number(0).isInteger(24) ? 1 : 0, 1);
            }
            Game24Difficulty known = memo.get(state);
            if (known != null) {
                return known;
            }
            long wins = 0;
            long total = 0;
            for (Step<Game24State> step : Game24Moves.steps(state)) {
                Game24Difficulty child = count(step.next());
                wins += child.winningPaths();
                total += child.totalPaths();
            }
            Game24Difficulty result = new Game24Difficulty(wins, total);
            memo.put(state, result);
            return result;
        }
    }
}
