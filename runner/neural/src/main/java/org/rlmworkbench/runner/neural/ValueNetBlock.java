package org.rlmworkbench.runner.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * V(state): state features {@code (B, stateInputs)} through {@code layers} ReLU layers of width
 * {@code hidden} to one tanh output {@code (B, 1)} in [-1, 1]. Children are named
 * {@code 01hidden1}, {@code 02hidden2}, ..., then {@code value}.
 */
public final class ValueNetBlock extends AbstractBlock {
    private final Linear[] hidden;
    private final Linear out;

    public ValueNetBlock(Architecture a) {
        super((byte) 1);
        hidden = new Linear[a.layers()];
        for (int i = 0; i < hidden.length; i++) {
            hidden[i] = addChildBlock("hidden" + (i + 1),
                    Linear.builder().setUnits(a.hidden()).build());
        }
        out = addChildBlock("value", Linear.builder().setUnits(1).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        NDArray x = inputs.head();
        for (Linear l : hidden) {
            x = Activation.relu(l.forward(ps, new NDList(x), training).head());
        }
        return new NDList(out.forward(ps, new NDList(x), training).head().tanh());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), 1)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = inputShapes[0];
        for (Linear l : hidden) {
            l.initialize(manager, dataType, s);
            s = l.getOutputShapes(new Shape[] {s})[0];
        }
        out.initialize(manager, dataType, s);
    }
}
