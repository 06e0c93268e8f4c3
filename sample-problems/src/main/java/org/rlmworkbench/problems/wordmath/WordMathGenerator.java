package org.rlmworkbench.problems.wordmath;

import java.util.Collections;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.rlmworkbench.problems.common.GradedSplits;
import org.rlmworkbench.runner.problem.Dataset;

/**
 * Generates arithmetic word problems with exact whole-number answers from four families of
 * stories, each sized to a given number of operations (2..8):
 * <ul>
 *   <li>shopping: items at a price each, summed, and the change from a bill;</li>
 *   <li>rates: speed or work rate times time per stretch, summed, and what is left of a whole;</li>
 *   <li>ages: a chain of "older than", "younger than" and "times as old as", then an age in the future or past;</li>
 *   <li>fractions: a stock that loses 1/d, keeps n/d or gives away n/d of what is left, and gains some more.</li>
 * </ul>
 * Every sentence and question has several wordings, names and objects vary, and the order of
 * the sentences changes (ages are told from either end), so that no single template fits all.
 */
final class WordMathGenerator {

    static final int MIN_OPS = 2;
    static final int MAX_OPS = 8;
    static final long DATASET_SEED = 20_241_207L;
    static final int PER_OPS = 80;

    private static final String[][] PEOPLE = {{"Maria", "she"}, {"Tom", "he"}, {"Aisha", "she"}, {"Ken", "he"},
        {"Lena", "she"}, {"Omar", "he"}, {"Priya", "she"}, {"Jonas", "he"}, {"Chloe", "she"}, {"Mateo", "he"},
        {"Yuki", "she"}, {"Sam", "he"}};

    private WordMathGenerator() {
    }

    /** Sentences and the equations that solve them, built together. */
    private static final class Story {
        final SplittableRandom rng;
        final List<String> sentences = new ArrayList<>();
        final List<Equation> equations = new ArrayList<>();

        Story(SplittableRandom rng) {
            this.rng = rng;
        }

        long op(long a, char op, long b) {
            long r = switch (op) {
                case '+' -> a + b;
                case '-' -> a - b;
                case '*' -> a * b;
                case '/' -> a / b;
                default -> throw new IllegalArgumentException("op " + op);
            };
            equations.add(Equation.of(a, op, b, r));
            return r;
        }

        String pick(String... options) {
            return options[rng.nextInt(options.length)];
        }

        int between(int lo, int hi) {
            return lo + rng.nextInt(hi - lo + 1);
        }
    }

    private static String fill(String template, Object... pairs) {
        String out = template;
        for (int i = 0; i < pairs.length; i += 2) {
            out = out.replace("{" + pairs[i] + "}", String.valueOf(pairs[i + 1]));
        }
        return Character.toUpperCase(out.charAt(0)) + out.substring(1);
    }

    static WordProblem generate(int ops, SplittableRandom rng) {
        if (ops < MIN_OPS || ops > MAX_OPS) {
            throw new IllegalArgumentException("word-math difficulty is the number of operations, " + MIN_OPS + ".."
                    + MAX_OPS + ", not " + ops);
        }
        Story s = new Story(rng);
        String family;
        long answer;
        switch (rng.nextInt(4)) {
            case 0 -> {
                family = "shopping";
                answer = shopping(s, ops);
            }
            case 1 -> {
                family = "rates";
                answer = rates(s, ops);
            }
            case 2 -> {
                family = "ages";
                answer = ages(s, ops);
            }
            default -> {
                family = "fractions";
                answer = fractions(s, ops);
            }
        }
        if (s.equations.size() != ops) {
            throw new AssertionError(family + " made " + s.equations.size() + " operations, not " + ops);
        }
        return new WordProblem(String.join(" ", s.sentences), s.equations, answer, family);
    }

    private static String[] person(Story s) {
        return PEOPLE[s.rng.nextInt(PEOPLE.length)];
    }

    private static final String[][] ITEMS = {{"notebook", "notebooks", "2", "6"}, {"pen", "pens", "1", "4"},
        {"apple", "apples", "1", "3"}, {"book", "books", "5", "15"}, {"toy car", "toy cars", "3", "9"},
        {"mug", "mugs", "4", "10"}, {"ticket", "tickets", "5", "12"}, {"sandwich", "sandwiches", "3", "8"},
        {"plant", "plants", "4", "14"}, {"ball", "balls", "2", "7"}};

    /** m items (m multiplications, m - 1 additions) and, for an even count, the change (one subtraction). */
    private static long shopping(Story s, int ops) {
        String[] who = person(s);
        boolean change = ops % 2 == 0;
        int m = change ? ops / 2 : (ops + 1) / 2;
        List<String[]> items = new ArrayList<>(List.of(ITEMS));
        long total = 0;
        for (int i = 0; i < m; i++) {
            String[] item = items.remove(s.rng.nextInt(items.size()));
            int q = s.between(2, 9);
            int p = s.between(Integer.parseInt(item[2]), Integer.parseInt(item[3]));
            String form = i == 0
                    ? s.pick("{N} buys {q} {items} at ${price} each.", "{N} goes shopping and picks {q} {items} that cost ${price} apiece.",
                    "At the market, {N} gets {q} {items} for ${price} each.", "Each {item} costs ${price}, and {N} buys {q} of them.")
                    : s.pick("{P} also buys {q} {items} at ${price} each.", "Then {pr} adds {q} {items} priced at ${price} per {item}.",
                    "{q} {items} at ${price} apiece go into the basket too.", "{P} takes {q} {items} as well; one {item} is ${price}.");
            s.sentences.add(fill(form, "N", who[0], "P", capital(who[1]), "pr", who[1], "price", p, "q", q,
                    "items", item[1], "item", item[0]));
            long cost = s.op(q, '*', p);
            total = i == 0 ? cost : s.op(total, '+', cost);
        }
        if (change) {
            long bill = bill(total);
            s.sentences.add(fill(s.pick("{p} pays with a ${b} bill.", "{p} hands the cashier ${b}.", "{p} pays with ${b}."),
                    "p", who[1], "b", bill));
            s.sentences.add(fill(s.pick("How much change does {p} get?", "How many dollars does {p} get back?",
                    "How much money should the cashier return?"), "p", who[1]));
            return s.op(bill, '-', total);
        }
        s.sentences.add(fill(s.pick("How much does {N} spend in total?", "How many dollars does {N} pay altogether?",
                "What is the total cost in dollars?"), "N", who[0]));
        return total;
    }

    private static long bill(long total) {
        for (long b : new long[] {10, 20, 50, 100, 200, 500}) {
            if (b > total) {
                return b;
            }
        }
        return (total / 100 + 1) * 100;
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Stretches of rate times time, summed, and for an even count what is left of a whole. */
    private static long rates(Story s, int ops) {
        boolean left = ops % 2 == 0;
        int stretches = left ? ops / 2 : (ops + 1) / 2;
        boolean travel = s.rng.nextBoolean();
        String thing = travel ? s.pick("train", "bus", "cyclist", "truck") : s.pick("printer", "pump", "machine", "baker");
        String unit = travel ? "km" : thing.equals("printer") ? "pages" : thing.equals("pump") ? "litres"
                : thing.equals("machine") ? "bottles" : "rolls";
        String per = travel ? "hour" : "minute";
        long total = 0;
        for (int i = 0; i < stretches; i++) {
            int rate = travel ? 5 * s.between(6, 18) : s.between(3, 25);
            int time = s.between(2, 6);
            String form = travel
                    ? (i == 0 ? s.pick("A {t} travels at {r} km per {per} for {h} {per}s.", "For {h} {per}s, a {t} moves at {r} km an {per}.")
                    : s.pick("Then it goes {h} more {per}s at {r} km per {per}.", "After that, its speed is {r} km per {per} for {h} {per}s."))
                    : (i == 0 ? s.pick("A {t} makes {r} {u} per {per} for {h} {per}s.", "For {h} {per}s, a {t} turns out {r} {u} each {per}.")
                    : s.pick("Then it makes {r} {u} per {per} for another {h} {per}s.", "Next it runs {h} {per}s at {r} {u} a {per}."));
            s.sentences.add(fill(form, "t", thing, "r", rate, "h", time, "per", per, "u", unit));
            long part = s.op(rate, '*', time);
            total = i == 0 ? part : s.op(total, '+', part);
        }
        if (left) {
            long whole = total + 5L * s.between(2, 40);
            s.sentences.add(fill(travel ? s.pick("The whole trip is {w} km.", "Its destination is {w} km away.")
                    : s.pick("The order is for {w} {u}.", "The day's target is {w} {u}."), "w", whole, "u", unit));
            s.sentences.add(fill(travel ? s.pick("How many km are still left?", "How far does it still have to go, in km?")
                    : s.pick("How many {u} are still missing?", "How many more {u} are needed?"), "u", unit));
            return s.op(whole, '-', total);
        }
        s.sentences.add(fill(travel ? s.pick("How many km does it cover in all?", "How far does it travel in total, in km?")
                : s.pick("How many {u} does it make altogether?", "How many {u} are made in all?"), "u", unit));
        return total;
    }

    /** A chain of ops - 1 age relations from a base age, then an age some years on or back. */
    private static long ages(Story s, int ops) {
        int relations = ops - 1;
        List<String[]> names = new ArrayList<>(List.of(PEOPLE));
        String[] people = new String[relations + 1];
        for (int i = 0; i <= relations; i++) {
            people[i] = names.remove(s.rng.nextInt(names.size()))[0];
        }
        long[] age = new long[relations + 1];
        age[relations] = s.between(4, 12);
        String[] said = new String[relations];
        // Build from the base upwards so that every age stays between 1 and 90.
        List<Equation> eqs = new ArrayList<>();
        for (int i = relations - 1; i >= 0; i--) {
            long base = age[i + 1];
            int kind = s.rng.nextInt(3);
            if (kind == 2 && base * 2 > 90) {
                kind = 0;
            }
            if (kind == 1 && base <= 3) {
                kind = 0;
            }
            switch (kind) {
                case 0 -> {
                    int c = s.between(2, 9);
                    said[i] = fill(s.pick("{a} is {c} years older than {b}.", "{a} was born {c} years before {b}."),
                            "a", people[i], "b", people[i + 1], "c", c);
                    age[i] = base + c;
                    eqs.add(Equation.of(base, '+', c, age[i]));
                }
                case 1 -> {
                    int c = s.between(1, (int) Math.min(9, base - 1));
                    said[i] = fill(s.pick("{a} is {c} years younger than {b}.", "{a} was born {c} years after {b}."),
                            "a", people[i], "b", people[i + 1], "c", c).replace(" 1 years", " 1 year");
                    age[i] = base - c;
                    eqs.add(Equation.of(base, '-', c, age[i]));
                }
                default -> {
                    int c = base * 3 <= 90 && s.rng.nextBoolean() ? 3 : 2;
                    said[i] = fill(s.pick("{a} is {c} times as old as {b}.", "{a}'s age is {c} times {b}'s age."),
                            "a", people[i], "b", people[i + 1], "c", c);
                    age[i] = base * c;
                    eqs.add(Equation.of(base, '*', c, age[i]));
                }
            }
        }
        String baseSentence = fill(s.pick("{b} is {n} years old.", "{b} is {n}."), "b", people[relations], "n", age[relations]);
        if (s.rng.nextBoolean()) {
            s.sentences.add(baseSentence);
            for (int i = relations - 1; i >= 0; i--) {
                s.sentences.add(said[i]);
            }
        } else {
            for (int i = 0; i < relations; i++) {
                s.sentences.add(said[i]);
            }
            s.sentences.add(baseSentence);
        }
        s.equations.addAll(eqs);
        int y = s.between(2, 15);
        if (age[0] > y + 1 && s.rng.nextBoolean()) {
            s.sentences.add(fill(s.pick("How old was {a} {y} years ago?", "What was {a}'s age {y} years ago?"),
                    "a", people[0], "y", y));
            return s.op(age[0], '-', y);
        }
        s.sentences.add(fill(s.pick("How old will {a} be in {y} years?", "What will {a}'s age be {y} years from now?"),
                "a", people[0], "y", y));
        return s.op(age[0], '+', y);
    }

    private static final String[][] STOCKS = {{"A baker makes {n} cookies.", "cookies"},
        {"A library has {n} books.", "books"}, {"A farmer picks {n} apples.", "apples"},
        {"A shop has {n} T-shirts in stock.", "T-shirts"}, {"A school orders {n} pencils.", "pencils"}};

    /** Fraction events of 2 or 3 operations and single additions, summing to {@code ops}. */
    private static long fractions(Story s, int ops) {
        String[] stock = STOCKS[s.rng.nextInt(STOCKS.length)];
        List<int[]> events = new ArrayList<>();
        int left = ops;
        while (left > 0) {
            int cost;
            if (left == 1) {
                cost = 1;
            } else if (left == 2 || events.isEmpty() && left == 3 && s.rng.nextBoolean()) {
                cost = 2;
            } else {
                cost = events.isEmpty() ? 2 + s.rng.nextInt(2) : 1 + s.rng.nextInt(3);
            }
            int d = s.between(2, 5);
            int n = d == 2 ? 1 : s.between(2, d - 1);
            int kind = cost == 2 ? s.rng.nextInt(2) : 0;
            if (d == 2 && (cost == 3 || kind == 1)) {
                // n/2 with n > 1 is no fraction of a whole; keep or give away two thirds instead.
                d = 3;
                n = 2;
            }
            events.add(new int[] {cost, d, n, kind});
            left -= cost;
        }
        long need = 1;
        for (int[] e : events) {
            if (e[0] >= 2) {
                need *= e[1];
            }
        }
        long x = need * s.between(2, need > 60 ? 3 : 8);
        s.sentences.add(fill(stock[0], "n", x));
        long remainingDenominators = need;
        boolean first = true;
        for (int[] e : events) {
            int cost = e[0];
            int d = e[1];
            int n = e[2];
            if (cost == 1) {
                long c = Math.max(1, remainingDenominators) * s.between(1, 6);
                s.sentences.add(fill(s.pick("Then {c} more {u} arrive.", "Later {c} more {u} are added."), "c", c, "u", stock[1]));
                x = s.op(x, '+', c);
                continue;
            }
            remainingDenominators /= d;
            boolean wasFirst = first;
            first = false;
            if (cost == 2 && e[3] == 0) {
                s.sentences.add(fill(wasFirst ? s.pick("1/{d} of them are sold.", "1/{d} of them go to a school.")
                        : s.pick("Then 1/{d} of what is left is sold.", "Then 1/{d} of the rest are given away."), "d", d));
                long part = s.op(x, '/', d);
                x = s.op(x, '-', part);
            } else if (cost == 2) {
                s.sentences.add(fill(s.pick("Only {n}/{d} of them are kept.", "{n}/{d} of them stay; the rest are gone."),
                        "n", n, "d", d));
                long part = s.op(x, '/', d);
                x = s.op(part, '*', n);
            } else {
                s.sentences.add(fill(wasFirst
                        ? s.pick("{n}/{d} of them are given away.", "{n}/{d} of them are used up on the first day.")
                        : s.pick("Then {n}/{d} of what is left are given away.", "Next, {n}/{d} of the rest are used up."),
                        "n", n, "d", d));
                long part = s.op(x, '/', d);
                long gone = s.op(part, '*', n);
                x = s.op(x, '-', gone);
            }
        }
        s.sentences.add(fill(s.pick("How many {u} are left at the end?", "How many {u} remain?", "How many {u} are there now?"),
                "u", stock[1]));
        return x;
    }

    static Built build() {
        Map<String, WordProblem> byText = new LinkedHashMap<>();
        Map<Integer, SplittableRandom> streams = new LinkedHashMap<>();
        List<Integer> all = new ArrayList<>();
        for (int ops = MIN_OPS; ops <= MAX_OPS; ops++) {
            all.add(ops);
            streams.put(ops, new SplittableRandom(DATASET_SEED * 31 + ops));
        }
        Dataset d = GradedSplits.build(all, PER_OPS, ops -> {
            WordProblem p = generate(ops, streams.get(ops));
            byText.putIfAbsent(p.text(), p);
            return p.text();
        });
        return new Built(d, Collections.unmodifiableMap(byText));
    }

    record Built(Dataset dataset, Map<String, WordProblem> byText) {
    }
}
