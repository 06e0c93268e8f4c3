package org.rlmworkbench.runner.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.transformer.ScaledDotProductAttentionBlock;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * A small character-level transformer language model (GPT style, pre-norm): token and learned
 * position embeddings, {@code layers} blocks of causal multi-head self-attention (DJL's
 * {@link ScaledDotProductAttentionBlock} with a lower-triangular mask) and a ReLU feed-forward
 * layer, each with a residual connection, then a final norm and a projection to the vocabulary.
 * Input tokens {@code (B, L)} (int32, L at most maxLength); output logits {@code (B, L, V)}, where
 * position i predicts token i + 1. Children, numbered by DJL: {@code 01layer1}, {@code 02layer2},
 * ..., then {@code norm} and {@code vocab}.
 */
public final class CharLmBlock extends AbstractBlock {
    private final Architecture a;
    private final Parameter tokens;
    private final Parameter positions;
    private final Layer[] layers;
    private final Norm finalNorm;
    private final Linear vocab;

    public CharLmBlock(Architecture a) {
        super((byte) 1);
        this.a = a;
        tokens = addParameter(Parameter.builder().setName("token_embedding").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(a.vocabulary(), a.hidden())).optInitializer(new NormalInitializer(0.1f)).build());
        positions = addParameter(Parameter.builder().setName("position_embedding").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(a.maxLength(), a.hidden())).optInitializer(new NormalInitializer(0.1f)).build());
        layers = new Layer[a.layers()];
        for (int i = 0; i < layers.length; i++) {
            layers[i] = addChildBlock("layer" + (i + 1), new Layer(a.hidden(), a.heads()));
        }
        finalNorm = addChildBlock("norm", new Norm(a.hidden()));
        vocab = addChildBlock("vocab", Linear.builder().setUnits(a.vocabulary()).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        NDArray ids = inputs.head();
        long b = ids.getShape().get(0);
        long len = ids.getShape().get(1);
        NDManager m = ids.getManager();
        NDArray tok = ps.getValue(tokens, ids.getDevice(), training);
        NDArray pos = ps.getValue(positions, ids.getDevice(), training);
        NDArray x = ids.oneHot(a.vocabulary()).reshape(b * len, a.vocabulary()).matMul(tok).reshape(b, len, a.hidden());
        x = x.add(pos.get(new NDIndex(":" + len)));
        float[] causal = new float[(int) (len * len)];
        for (int i = 0; i < len; i++) {
            for (int j = 0; j <= i; j++) {
                causal[(int) (i * len + j)] = 1f;
            }
        }
        NDArray mask = m.create(causal, new Shape(1, len, len)).repeat(0, b);
        for (Layer l : layers) {
            x = l.forward(ps, new NDList(x, mask), training).head();
        }
        x = finalNorm.forward(ps, new NDList(x), training).head();
        NDArray logits = vocab.forward(ps, new NDList(x.reshape(b * len, a.hidden())), training).head();
        return new NDList(logits.reshape(b, len, a.vocabulary()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[0].get(1), a.vocabulary())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape seq = new Shape(1, a.maxLength(), a.hidden());
        for (Layer l : layers) {
            l.initialize(manager, dataType, seq, new Shape(1, a.maxLength(), a.maxLength()));
        }
        finalNorm.initialize(manager, dataType, seq);
        vocab.initialize(manager, dataType, new Shape(1, a.hidden()));
    }

    /** One pre-norm transformer layer: x + attn(norm(x)), then x + ffn(norm(x)). */
    static final class Layer extends AbstractBlock {
        private final Norm norm1;
        private final ScaledDotProductAttentionBlock attention;
        private final Norm norm2;
        private final Linear up;
        private final Linear down;
        private final int width;

        Layer(int width, int heads) {
            super((byte) 1);
            this.width = width;
            norm1 = addChildBlock("norm1", new Norm(width));
            attention = addChildBlock("attention", ScaledDotProductAttentionBlock.builder().setEmbeddingSize(width)
                    .setHeadCount(heads).optAttentionProbsDropoutProb(0f).build());
            norm2 = addChildBlock("norm2", new Norm(width));
            up = addChildBlock("up", Linear.builder().setUnits(4L * width).build());
            down = addChildBlock("down", Linear.builder().setUnits(width).build());
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
            NDArray x = in.get(0);
            NDArray mask = in.get(1);
            Shape s = x.getShape();
            NDArray h = norm1.forward(ps, new NDList(x), training).head();
            x = x.add(attention.forward(ps, new NDList(h, mask), training).head());
            h = norm2.forward(ps, new NDList(x), training).head().reshape(s.get(0) * s.get(1), width);
            h = Activation.relu(up.forward(ps, new NDList(h), training).head());
            h = down.forward(ps, new NDList(h), training).head().reshape(s);
            return new NDList(x.add(h));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return new Shape[] {inputShapes[0]};
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            norm1.initialize(manager, dataType, inputShapes[0]);
            attention.initialize(manager, dataType, inputShapes[0], inputShapes[1]);
            norm2.initialize(manager, dataType, inputShapes[0]);
            up.initialize(manager, dataType, new Shape(1, width));
            down.initialize(manager, dataType, new Shape(1, 4L * width));
        }
    }

    /** Layer normalisation over the last axis with a learned scale and shift. */
    static final class Norm extends AbstractBlock {
        private final Parameter gamma;
        private final Parameter beta;

        Norm(int width) {
            super((byte) 1);
            gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA)
                    .optShape(new Shape(width)).build());
            beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA)
                    .optShape(new Shape(width)).build());
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
            NDArray x = in.head();
            NDArray mean = x.mean(new int[] {-1}, true);
            NDArray centred = x.sub(mean);
            NDArray var = centred.square().mean(new int[] {-1}, true);
            NDArray y = centred.div(var.add(1e-5f).sqrt());
            return new NDList(y.mul(ps.getValue(gamma, x.getDevice(), training))
                    .add(ps.getValue(beta, x.getDevice(), training)));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return new Shape[] {inputShapes[0]};
        }
    }
}
