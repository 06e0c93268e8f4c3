import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Problems;
import org.rlmworkbench.runner.problem.Step;

/**
 * Writes the scripted writer of the README screenshot: for every state of one Game of 24 instance,
 * two or three legal steps and one or two mistakes of the kinds a small model makes (wrong
 * arithmetic, a number that is not left, a step that is no step), with log-probabilities.
 * Run: java -cp <runner and sample-problems classes and jars> docs/demo/MakeGame24Script.java INSTANCE OUT
 */
public class MakeGame24Script {
    /** A copy of a legal step with its result one too many: wrong arithmetic. */
    static void addWrong(ArrayNode list, String t, double logProb) {
        int eq = t.indexOf("= ");
        if (eq < 0) {
            return;
        }
        String num = t.substring(eq + 2).split("[ (]")[0];
        String wrong;
        try {
            wrong = t.replaceFirst("= " + java.util.regex.Pattern.quote(num), "= " + (Integer.parseInt(num) + 1));
        } catch (NumberFormatException e) {
            wrong = t.replaceFirst("= " + java.util.regex.Pattern.quote(num), "= 7");
        }
        list.addObject().put("text", wrong).put("logprob", logProb);
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        Problem<Object> p = (Problem<Object>) Problems.byId("game24");
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        root.put("name", "game24-demo");
        root.put("style", "state");
        root.put("rotate", false);
        ObjectNode responses = root.putObject("responses");
        ArrayDeque<Object> todo = new ArrayDeque<>(List.of(p.parseInstance(args[0])));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Object s = todo.poll();
            String prompt = p.promptText(s);
            if (p.isTerminal(s) || !seen.add(prompt)) {
                continue;
            }
            List<Step<Object>> steps = p.steps(s);
            ArrayNode list = responses.putArray(prompt);
            int h = Math.floorMod(prompt.hashCode(), 97);
            // steps that can still reach 24 first (the verifier's exact process reward), then others
            List<Step<Object>> chosen = new java.util.ArrayList<>();
            for (Step<Object> st : steps) {
                if (chosen.isEmpty() && p.processReward(st.next()).orElse(-1) > 0) {
                    chosen.add(st);
                }
            }
            for (int k = 0; chosen.size() < Math.min(5, steps.size()); k++) {
                Step<Object> st = steps.get((h + 7 * k) % steps.size());
                if (!chosen.contains(st)) {
                    chosen.add(st);
                }
            }
            for (int k = 0; k < chosen.size(); k++) {
                list.addObject().put("text", chosen.get(k).text()).put("logprob", -0.4 - 0.5 * k);
                todo.add(chosen.get(k).next());
                if (k == 1) {
                    addWrong(list, chosen.get(0).text(), -1.9);
                }
            }
            String t = steps.get((h + 3) % steps.size()).text();
            // a wrong sum: "a + b = c" with c one too many, keeping the rest of the line
            String wrong = t.replaceFirst("= (-?\\d+)", "= X");
            int eq = t.indexOf("= ");
            if (eq > 0) {
                String num = t.substring(eq + 2).split("[ (]")[0];
                try {
                    wrong = t.replaceFirst("= " + java.util.regex.Pattern.quote(num), "= " + (Integer.parseInt(num) + 1));
                } catch (NumberFormatException e) {
                    wrong = t.replaceFirst("= " + java.util.regex.Pattern.quote(num), "= 7");
                }
            }
            list.addObject().put("text", wrong).put("logprob", -1.9);
            if (h % 3 == 0) {
                list.addObject().put("text", "12 * 2 = 24 (left: 24)").put("logprob", -2.6);
            }
            if (h % 5 == 0) {
                list.addObject().put("text", "I think we should multiply").put("logprob", -3.1);
            }
        }
        root.putArray("default").add("no idea");
        root.put("delay_ms", 0);
        Files.writeString(Path.of(args[1]), m.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        System.out.println(responses.size() + " prompts written to " + args[1]);
    }
}
