package org.rlmworkbench.problems.prontoqa;

import java.util.Collections;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.rlmworkbench.problems.common.GradedSplits;
import org.rlmworkbench.runner.problem.Dataset;

/**
 * Generates ProntoQA-style problems with h hops (1..6) and h distractor rules: a chain of h
 * rules from the entity's concept through made-up concepts to a property (or its negation),
 * plus distractors of ProntoQA's kinds: a branch from a chain concept to a fresh concept (and
 * from there to another property), another property of a chain concept, and a fresh concept
 * with the opposite of the queried property (true of no one here, but it tempts). Rules are
 * shuffled and each is written in a random surface form; the query asks for the property or its
 * negation at random, so about half the answers are false.
 */
final class ProntoGenerator {

    static final int MIN_HOPS = 1;
    static final int MAX_HOPS = 6;
    static final long DATASET_SEED = 20_241_206L;
    static final int PER_HOPS = 80;

    static final String[] CONCEPTS = {"wumpus", "yumpus", "zumpus", "dumpus", "rompus", "numpus", "tumpus", "vumpus",
        "impus", "jompus", "gorpus", "shumpus", "lempus", "sterpus", "grimpus", "lorpus", "brimpus", "timpus", "fompus",
        "kumpus"};
    static final String[] PROPERTIES = {"bony", "transparent", "hot", "cold", "bright", "dull", "feisty", "happy", "sad",
        "nervous", "kind", "mean", "aggressive", "amenable", "earthy", "fruity", "floral", "spicy", "sweet", "sour",
        "liquid", "wooden", "metallic", "opaque", "luminous", "shy", "angry", "large", "small"};
    static final String[] NAMES = {"Sally", "Max", "Alex", "Fae", "Rex", "Stella", "Wren", "Polly", "Sam", "Sophie"};

    private ProntoGenerator() {
    }

    static ProntoInstance generate(int hops, SplittableRandom rng) {
        if (hops < MIN_HOPS || hops > MAX_HOPS) {
            throw new IllegalArgumentException("ProntoQA difficulty is the number of hops, " + MIN_HOPS + ".." + MAX_HOPS
                    + ", not " + hops);
        }
        List<String> concepts = shuffled(CONCEPTS, rng);
        List<String> properties = shuffled(PROPERTIES, rng);
        List<String> chain = new ArrayList<>(concepts.subList(0, hops));
        int nextConcept = hops;
        String property = properties.get(0);
        int nextProperty = 1;
        boolean negated = rng.nextBoolean();
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i + 1 < hops; i++) {
            rules.add(new Rule(chain.get(i), chain.get(i + 1), false, false, rng.nextInt(3)));
        }
        rules.add(new Rule(chain.get(hops - 1), property, true, negated, rng.nextInt(3)));
        for (int d = 0; d < hops; d++) {
            String from = chain.get(rng.nextInt(hops));
            switch (d % 3) {
                case 0 -> {
                    String fresh = concepts.get(nextConcept++);
                    rules.add(new Rule(fresh, property, true, !negated, rng.nextInt(3)));
                }
                case 1 -> {
                    String fresh = concepts.get(nextConcept++);
                    rules.add(new Rule(from, fresh, false, false, rng.nextInt(3)));
                    rules.add(new Rule(fresh, properties.get(nextProperty++), true, rng.nextBoolean(), rng.nextInt(3)));
                }
                default -> rules.add(new Rule(from, properties.get(nextProperty++), true, rng.nextBoolean(), rng.nextInt(3)));
            }
        }
        for (int i = rules.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            Rule t = rules.get(i);
            rules.set(i, rules.get(j));
            rules.set(j, t);
        }
        String name = NAMES[rng.nextInt(NAMES.length)];
        Fact query = new Fact(property, true, rng.nextBoolean());
        return new ProntoInstance(rules, name, chain.get(0), query);
    }

    private static List<String> shuffled(String[] words, SplittableRandom rng) {
        List<String> out = new ArrayList<>(List.of(words));
        for (int i = out.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            String t = out.get(i);
            out.set(i, out.get(j));
            out.set(j, t);
        }
        return out;
    }

    static Built build() {
        Map<String, Integer> hopsOf = new LinkedHashMap<>();
        Map<Integer, SplittableRandom> streams = new LinkedHashMap<>();
        List<Integer> all = new ArrayList<>();
        for (int hops = MIN_HOPS; hops <= MAX_HOPS; hops++) {
            all.add(hops);
            streams.put(hops, new SplittableRandom(DATASET_SEED * 31 + hops));
        }
        Dataset d = GradedSplits.build(all, PER_HOPS, hops -> {
            String text = ProntoText.instance(generate(hops, streams.get(hops)));
            hopsOf.putIfAbsent(text, hops);
            return text;
        });
        return new Built(d, Collections.unmodifiableMap(hopsOf));
    }

    record Built(Dataset dataset, Map<String, Integer> hops) {
    }
}
