package org.rlmworkbench.runner.neural;

/**
 * The language model's fixed character vocabulary: padding, begin, separator (between prompt
 * and step), end, then printable ASCII 32..126; any other character reads as {@code ?}.
 */
public final class CharVocabulary {
    public static final int PAD = 0;
    public static final int BOS = 1;
    public static final int SEP = 2;
    public static final int EOS = 3;
    private static final int FIRST = 4;
    public static final int SIZE = FIRST + 95;

    private CharVocabulary() {
    }

    public static int token(char c) {
        if (c < 32 || c > 126) {
            c = '?';
        }
        return FIRST + (c - 32);
    }

    /** The character of a printable token; 0 for a special one. */
    public static char character(int token) {
        return token < FIRST ? 0 : (char) (token - FIRST + 32);
    }

    /**
     * Tokens {@code BOS prompt SEP step EOS}, the prompt cut from its left so that the whole fits
     * {@code maxLength + 1} tokens; {@code step} may be null for a prompt alone ({@code BOS prompt SEP}).
     *
     * @return the tokens and, at index {@code [1][0]}, where the step starts
     */
    public static int[][] encode(String prompt, String step, int maxLength) {
        int stepLen = step == null ? 0 : step.length() + 1;
        int room = maxLength + 1 - 2 - stepLen;
        if (room < 0) {
            stepLen = maxLength - 1;
            room = 0;
        }
        String p = prompt.length() > room ? prompt.substring(prompt.length() - room) : prompt;
        int n = 2 + p.length() + (step == null ? 0 : stepLen);
        int[] t = new int[n];
        int k = 0;
        t[k++] = BOS;
        for (int i = 0; i < p.length(); i++) {
            t[k++] = token(p.charAt(i));
        }
        t[k++] = SEP;
        int stepStart = k;
        if (step != null) {
            for (int i = 0; i < stepLen - 1 && k < n - 1; i++) {
                t[k++] = token(step.charAt(i));
            }
            t[k++] = EOS;
        }
        return new int[][] {java.util.Arrays.copyOf(t, k), {stepStart}};
    }
}
