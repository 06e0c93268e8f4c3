package org.rlmworkbench.runner.neural;

/**
 * Hashed character n-grams of a text, in a fixed-size float vector: the featurisation every
 * problem shares. The text is framed by start and end marks, every n-gram for n in
 * [{@code minN}, {@code maxN}] is hashed (FNV-1a, seeded by n) to one of {@code dims} slots with a
 * sign drawn from the same hash, and the vector is scaled by 1/sqrt(number of n-grams). With
 * {@code words}, every whitespace-separated word and every unordered pair of words is hashed in as
 * well (so that "6 4" and "4 6" share a slot: a set of numbers, say, is seen as a set).
 *
 * @param dims vector size
 * @param minN shortest n-gram
 * @param maxN longest n-gram
 * @param words also hash words and unordered word pairs
 */
public record TextFeaturizer(int dims, int minN, int maxN, boolean words) {

    public TextFeaturizer {
        if (dims < 1 || minN < 1 || maxN < minN) {
            throw new IllegalArgumentException("bad featuriser: dims " + dims + ", n " + minN + ".." + maxN);
        }
    }

    /** The default: 1- to 3-grams into 256 slots. */
    public static TextFeaturizer standard() {
        return new TextFeaturizer(256, 1, 3, true);
    }

    /** The features of {@code text}. */
    public float[] features(String text) {
        float[] out = new float[dims];
        into(text, out, 0);
        return out;
    }

    /** Adds the features of {@code text} into {@code out} from {@code offset}. */
    public void into(String text, float[] out, int offset) {
        String t = "\u0002" + text + "\u0003";
        int count = 0;
        for (int n = minN; n <= maxN; n++) {
            count += Math.max(0, t.length() - n + 1);
        }
        if (count == 0) {
            return;
        }
        float scale = (float) (1.0 / Math.sqrt(count));
        for (int n = minN; n <= maxN; n++) {
            for (int i = 0; i + n <= t.length(); i++) {
                int h = 0x811c9dc5 ^ (n * 0x9e3779b9);
                for (int j = i; j < i + n; j++) {
                    h ^= t.charAt(j);
                    h *= 0x01000193;
                }
                add(out, offset, h, scale);
            }
        }
        if (words) {
            String[] w = text.trim().split("\\s+");
            float ws = (float) (1.0 / Math.sqrt(w.length + w.length * (w.length - 1) / 2.0));
            for (int i = 0; i < w.length; i++) {
                int hi = hash(w[i], 0x3c6ef372);
                add(out, offset, hi, ws);
                for (int j = i + 1; j < w.length; j++) {
                    int hj = hash(w[j], 0x3c6ef372);
                    int lo = Math.min(hi, hj);
                    int hiMax = Math.max(hi, hj);
                    add(out, offset, (lo * 0x01000193) ^ hiMax ^ 0x5bd1e995, ws);
                }
            }
        }
    }

    private void add(float[] out, int offset, int h, float scale) {
        h ^= h >>> 15;
        h *= 0x2c1b3c6d;
        h ^= h >>> 12;
        int slot = Integer.remainderUnsigned(h >>> 1, dims);
        out[offset + slot] += (h & 1) == 0 ? scale : -scale;
    }

    private static int hash(String s, int seed) {
        int h = 0x811c9dc5 ^ seed;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x01000193;
        }
        return h;
    }
}
