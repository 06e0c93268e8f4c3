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
 * Scores candidate steps: inputs state features {@code (B, S)} and step features
 * {@code (B, K, T)}; output logits {@code (B, K)}. Each pair is
 * {@code logit = w · relu(W2 · relu(Ws·state + Wt·step))}, i.e. an MLP over state ⊕ step.
 * Children: {@code 01state}, {@code 02step}, {@code 03hidden}, {@code 04logit}.
 */
public final class PolicyNetBlock extends AbstractBlock {
    private final Linear state;
    private final Linear step;
    private final Linear hidden;
    private final Linear logit;

    public PolicyNetBlock(Architecture a) {
        super((byte) 1);
        state = addChildBlock("state", Linear.builder().setUnits(a.hidden()).build());
        step = addChildBlock("step", Linear.builder().setUnits(a.hidden()).optBias(false).build());
        hidden = addChildBlock("hidden", Linear.builder().setUnits(a.hidden()).build());
        logit = addChildBlock("logit", Linear.builder().setUnits(1).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        NDArray s = inputs.get(0);
        NDArray t = inputs.get(1);
        long b = t.getShape().get(0);
        long k = t.getShape().get(1);
        NDArray hs = state.forward(ps, new NDList(s), training).head().expandDims(1); // (B, 1, H)
        NDArray ht = step.forward(ps, new NDList(t.reshape(b * k, -1)), training).head().reshape(b, k, -1);
        NDArray h = Activation.relu(hs.add(ht)).reshape(b * k, -1);
        h = Activation.relu(hidden.forward(ps, new NDList(h), training).head());
        return new NDList(logit.forward(ps, new NDList(h), training).head().reshape(b, k));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[1].get(0), inputShapes[1].get(1))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        state.initialize(manager, dataType, inputShapes[0]);
        step.initialize(manager, dataType, new Shape(1, inputShapes[1].get(2)));
        long h = state.getOutputShapes(new Shape[] {inputShapes[0]})[0].get(1);
        hidden.initialize(manager, dataType, new Shape(1, h));
        logit.initialize(manager, dataType, new Shape(1, h));
    }
}
