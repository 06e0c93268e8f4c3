package org.rlmworkbench.runner.neural;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.rlmworkbench.runner.model.PolicyModel;
import org.rlmworkbench.runner.problem.Problem;
import org.rlmworkbench.runner.problem.Step;

/** The policy network as a {@link PolicyModel}: all steps of a state scored in one forward pass. */
public final class NeuralPolicyModel implements PolicyModel {
    private final NeuralNet net;

    public NeuralPolicyModel(NeuralNet net) {
        if (net.config().kind() != NetKind.POLICY) {
            throw new IllegalArgumentException("not a policy network: " + net.config().kind());
        }
        this.net = net;
    }

    public NeuralNet net() {
        return net;
    }

    @Override
    public String name() {
        return "neural-policy";
    }

    @Override
    public double[] priors(Problem<Object> problem, Object state, List<Step<Object>> steps) {
        if (steps.isEmpty()) {
            return new double[0];
        }
        Featurisation f = net.config().featurisation();
        float[] s = f.states(problem, List.of(state));
        float[] t = f.steps(problem, steps);
        float[] logits;
        try (NDManager m = net.manager().newSubManager()) {
            NDList in = new NDList(m.create(s, new Shape(1, f.stateSize())),
                    m.create(t, new Shape(1, steps.size(), f.stepSize())));
            logits = net.predict(in).head().toFloatArray();
        }
        return softmax(logits);
    }

    /**
     * All states of a batch in one forward pass: the steps of each state padded with zeros to the
     * longest list; a padded step's logit is computed and dropped (each logit depends only on its
     * own state and step, so padding changes no other).
     */
    @Override
    public List<double[]> priors(Problem<Object> problem, List<Object> states, List<List<Step<Object>>> steps) {
        int b = states.size();
        int k = 0;
        for (List<Step<Object>> s : steps) {
            k = Math.max(k, s.size());
        }
        if (b <= 1 || k == 0) {
            return PolicyModel.super.priors(problem, states, steps);
        }
        Featurisation f = net.config().featurisation();
        float[] s = f.states(problem, states);
        float[] t = new float[b * k * f.stepSize()];
        for (int i = 0; i < b; i++) {
            if (!steps.get(i).isEmpty()) {
                float[] one = f.steps(problem, steps.get(i));
                System.arraycopy(one, 0, t, i * k * f.stepSize(), one.length);
            }
        }
        float[] logits;
        try (NDManager m = net.manager().newSubManager()) {
            NDList in = new NDList(m.create(s, new Shape(b, f.stateSize())), m.create(t, new Shape(b, k, f.stepSize())));
            logits = net.predict(in).head().toFloatArray();
        }
        List<double[]> out = new java.util.ArrayList<>(b);
        for (int i = 0; i < b; i++) {
            int n = steps.get(i).size();
            out.add(n == 0 ? new double[0] : softmax(java.util.Arrays.copyOfRange(logits, i * k, i * k + n)));
        }
        return out;
    }

    static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    static double[] softmax(double[] logits) {
        float[] f = new float[logits.length];
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logits) {
            max = Math.max(max, l);
        }
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) (logits[i] - max);
        }
        return softmax(f);
    }
}
