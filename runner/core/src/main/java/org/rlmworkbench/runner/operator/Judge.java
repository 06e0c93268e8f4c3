package org.rlmworkbench.runner.operator;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rlmworkbench.runner.model.Completion;

/**
 * Reads a judge model's answers as a value in [-1, 1]: the last word of each sample (lower case,
 * punctuation stripped) is looked up in the problem's {@code valueWords} (for Game of 24: sure 1,
 * likely 0, impossible -1; for answers: yes 1, no -1); a sample whose last word is not there counts
 * 0, and the value is the mean over the samples. Tree-of-Thoughts instead maps sure / likely /
 * impossible to 20 / 1 / 0.001 and sums: both order "all sure" above "all likely" above "all
 * impossible", but ToT lets one sure outweigh many likely, where the mean treats one sure and one
 * impossible as one likely; the mean keeps V in the range PUCT's Q expects.
 */
final class Judge {

    /** ToT samples its value prompt at this temperature; so does the judge here. */
    static final double TEMPERATURE = 0.7;
    static final int MAX_TOKENS = 128;

    private Judge() {
    }

    static double value(Completion c, Map<String, Double> words) {
        if (c.samples().isEmpty()) {
            return 0.0;
        }
        double sum = 0;
        for (Completion.Sample s : c.samples()) {
            sum += words.getOrDefault(lastWord(s.text()), 0.0);
        }
        return Math.max(-1, Math.min(1, sum / c.samples().size()));
    }

    static String lastWord(String text) {
        String[] words = (text == null ? "" : text).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        for (int i = words.length - 1; i >= 0; i--) {
            if (!words[i].isEmpty()) {
                return words[i];
            }
        }
        return "";
    }

    static List<String> words(Completion c) {
        return c.samples().stream().map(s -> lastWord(s.text())).toList();
    }
}
