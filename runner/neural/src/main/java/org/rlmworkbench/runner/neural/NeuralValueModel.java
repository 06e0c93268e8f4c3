package org.rlmworkbench.runner.neural;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.rlmworkbench.runner.model.ValueModel;
import org.rlmworkbench.runner.problem.Problem;

/** The value network as a {@link ValueModel}: all states of a call in one forward pass. */
public final class NeuralValueModel implements ValueModel {
    private final NeuralNet net;

    public NeuralValueModel(NeuralNet net) {
        if (net.config().kind() != NetKind.VALUE) {
            throw new IllegalArgumentException("not a value network: " + net.config().kind());
        }
        this.net = net;
    }

    public NeuralNet net() {
        return net;
    }

    @Override
    public String name() {
        return "neural-value";
    }

    @Override
    public double[] values(Problem<Object> problem, List<Object> states) {
        if (states.isEmpty()) {
            return new double[0];
        }
        Featurisation f = net.config().featurisation();
        float[] x = f.states(problem, states);
        return valuesOf(x, states.size());
    }

    /** Values of ready-made feature rows ({@code count} rows of the state size). */
    public double[] valuesOf(float[] features, int count) {
        int size = net.config().featurisation().stateSize();
        try (NDManager m = net.manager().newSubManager()) {
            float[] out = net.predict(new NDList(m.create(features, new Shape(count, size)))).head().toFloatArray();
            double[] v = new double[count];
            for (int i = 0; i < count; i++) {
                v[i] = out[i];
            }
            return v;
        }
    }
}
