package org.rlmworkbench.runner.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;
import org.rlmworkbench.runner.neural.CharVocabulary;
import org.rlmworkbench.runner.neural.Featurisation;
import org.rlmworkbench.runner.problem.InstanceParseException;
import org.rlmworkbench.runner.problem.Problem;

/** The three fitting tasks: value (MSE), policy (cross-entropy over each state's steps), language model. */
public final class Tasks {
    private Tasks() {
    }

    @SuppressWarnings("unchecked")
    private static List<Object> decode(Problem<?> problem, List<String> states) {
        Problem<Object> p = (Problem<Object>) problem;
        List<Object> out = new ArrayList<>(states.size());
        for (String s : states) {
            try {
                out.add(p.decodeState(s));
            } catch (InstanceParseException e) {
                throw new IllegalStateException("cannot decode state '" + s + "': " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** Value: mean squared error between V(state) and the target. */
    @SuppressWarnings("unchecked")
    public static FitTask<Examples.Value> value(Problem<?> problem, Featurisation f) {
        Map<Examples.Value, float[]> cache = new IdentityHashMap<>();
        return new FitTask<>() {
            @Override
            public NDList inputs(NDManager m, List<Examples.Value> batch) {
                int size = f.stateSize();
                float[] x = new float[batch.size() * size];
                for (int i = 0; i < batch.size(); i++) {
                    Examples.Value e = batch.get(i);
                    float[] one = cache.computeIfAbsent(e, k -> f.states((Problem<Object>) problem,
                            decode(problem, List.of(k.state()))));
                    System.arraycopy(one, 0, x, i * size, size);
                }
                return new NDList(m.create(x, new Shape(batch.size(), size)));
            }

            @Override
            public NDArray loss(NDManager m, NDList outputs, List<Examples.Value> batch) {
                float[] t = new float[batch.size()];
                for (int i = 0; i < t.length; i++) {
                    t[i] = batch.get(i).target();
                }
                NDArray target = m.create(t, new Shape(t.length, 1));
                return outputs.head().sub(target).square().mean();
            }
        };
    }

    /** Policy: cross-entropy between the target distribution and the softmax over each state's steps. */
    @SuppressWarnings("unchecked")
    public static FitTask<Examples.Policy> policy(Problem<?> problem, Featurisation f) {
        Map<Examples.Policy, float[][]> cache = new IdentityHashMap<>();
        return new FitTask<>() {
            @Override
            public NDList inputs(NDManager m, List<Examples.Policy> batch) {
                int k = width(batch);
                float[] s = new float[batch.size() * f.stateSize()];
                float[] t = new float[batch.size() * k * f.stepSize()];
                for (int i = 0; i < batch.size(); i++) {
                    float[][] one = cache.computeIfAbsent(batch.get(i), e -> new float[][] {
                        f.states((Problem<Object>) problem, decode(problem, List.of(e.state()))),
                        f.steps((Problem<Object>) problem, e.steps(), decode(problem, e.next()))});
                    System.arraycopy(one[0], 0, s, i * f.stateSize(), f.stateSize());
                    System.arraycopy(one[1], 0, t, i * k * f.stepSize(), one[1].length);
                }
                return new NDList(m.create(s, new Shape(batch.size(), f.stateSize())),
                        m.create(t, new Shape(batch.size(), k, f.stepSize())));
            }

            @Override
            public NDArray loss(NDManager m, NDList outputs, List<Examples.Policy> batch) {
                int k = width(batch);
                float[] target = new float[batch.size() * k];
                float[] offset = new float[batch.size() * k];
                for (int i = 0; i < batch.size(); i++) {
                    float[] ti = batch.get(i).target();
                    for (int j = 0; j < k; j++) {
                        if (j < ti.length) {
                            target[i * k + j] = ti[j];
                        } else {
                            offset[i * k + j] = -1e4f;
                        }
                    }
                }
                NDArray logits = outputs.head().add(m.create(offset, new Shape(batch.size(), k)));
                NDArray logp = logits.logSoftmax(1);
                return logp.mul(m.create(target, new Shape(batch.size(), k))).sum(new int[] {1}).neg().mean();
            }
        };
    }

    private static int width(List<Examples.Policy> batch) {
        int k = 1;
        for (Examples.Policy p : batch) {
            k = Math.max(k, p.steps().size());
        }
        return k;
    }

    /**
     * Language model: cross-entropy of the step's characters and end token given the prompt, each
     * example's tokens weighted by its weight, divided by the weighted token count.
     */
    public static FitTask<Examples.Lm> lm(int maxLength) {
        return new FitTask<>() {
            private int[][][] encoded(List<Examples.Lm> batch) {
                int[][][] e = new int[batch.size()][][];
                for (int i = 0; i < e.length; i++) {
                    e[i] = CharVocabulary.encode(batch.get(i).prompt(), batch.get(i).step(), maxLength);
                }
                return e;
            }

            private int length(int[][][] e) {
                int len = 1;
                for (int[][] x : e) {
                    len = Math.max(len, x[0].length - 1);
                }
                return len;
            }

            @Override
            public NDList inputs(NDManager m, List<Examples.Lm> batch) {
                int[][][] e = encoded(batch);
                int len = length(e);
                int[] in = new int[batch.size() * len];
                for (int i = 0; i < e.length; i++) {
                    System.arraycopy(e[i][0], 0, in, i * len, e[i][0].length - 1);
                }
                return new NDList(m.create(in, new Shape(batch.size(), len)));
            }

            @Override
            public NDArray loss(NDManager m, NDList outputs, List<Examples.Lm> batch) {
                int[][][] e = encoded(batch);
                int len = length(e);
                int v = CharVocabulary.SIZE;
                float[] onehot = new float[batch.size() * len * v];
                double count = 0;
                for (int i = 0; i < e.length; i++) {
                    int[] t = e[i][0];
                    float w = batch.get(i).weight();
                    for (int pos = e[i][1][0]; pos < t.length; pos++) {
                        onehot[(i * len + pos - 1) * v + t[pos]] = w;
                        count += w;
                    }
                }
                NDArray logp = outputs.head().logSoftmax(2);
                return logp.mul(m.create(onehot, new Shape(batch.size(), len, v))).sum().neg()
                        .div((float) Math.max(1e-6, count));
            }
        };
    }
}
