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

    /**
     * What incremental decoding keeps between characters: per layer, the attention's keys and
     * values at every position so far, {@code (B, t, width)} each, and where each sequence's real
     * tokens start (prompts are left-padded to a common length; pads are masked out as keys and
     * each sequence counts its positions from its first real token). A new character then costs
     * one position's worth of every layer plus its attention over the cache, instead of a pass
     * over the whole sequence.
     */
    public static final class Cache {
        /** Per layer, keys then values: index 2l and 2l + 1. */
        private final NDArray[] attentionInputs;
        private int[] offsets;
        private int length;

        private Cache(int layers, int[] offsets) {
            attentionInputs = new NDArray[2 * layers];
            this.offsets = offsets;
        }

        /** Columns held (the longest prompt plus the characters written so far). */
        public int length() {
            return length;
        }

        /** Moves the cached arrays to {@code m}, so that a step's scratch manager can close. */
        public void attach(NDManager m) {
            for (NDArray a : attentionInputs) {
                a.attach(m);
            }
        }

        /** Keeps only the sequences (rows) {@code rows}, in that order. */
        public void keep(int[] rows) {
            NDArray idx = attentionInputs[0].getManager().create(rows);
            for (int l = 0; l < attentionInputs.length; l++) {
                NDArray old = attentionInputs[l];
                attentionInputs[l] = old.get(new NDIndex("{}", idx));
                old.close();
            }
            idx.close();
            int[] o = new int[rows.length];
            for (int k = 0; k < rows.length; k++) {
                o[k] = offsets[rows[k]];
            }
            offsets = o;
        }

        /** 1 where column c of row i holds a real token, among {@code columns} columns: {@code (B, 1, columns)}. */
        private NDArray keyMask(NDManager m, int columns) {
            float[] mask = new float[offsets.length * columns];
            for (int i = 0; i < offsets.length; i++) {
                for (int c = offsets[i]; c < columns; c++) {
                    mask[i * columns + c] = 1f;
                }
            }
            return m.create(mask, new Shape(offsets.length, 1, columns));
        }
    }

    /**
     * Reads left-padded prompts {@code (B, L)} whose real tokens start at {@code offsets[i]} and
     * returns the logits of each one's next character {@code (B, V)}, filling {@code cacheOut[0]}
     * for {@link #next}. The numbers are those of {@link #forward} on each unpadded prompt.
     */
    public NDArray prefill(ParameterStore ps, NDArray ids, int[] offsets, Cache[] cacheOut) {
        Cache c = new Cache(layers.length, offsets.clone());
        long b = ids.getShape().get(0);
        int len = (int) ids.getShape().get(1);
        NDManager m = ids.getManager();
        int[] posIds = new int[(int) b * len];
        float[] mask = new float[(int) b * len * len];
        for (int i = 0; i < b; i++) {
            for (int col = 0; col < len; col++) {
                posIds[i * len + col] = Math.max(0, col - offsets[i]);
                for (int k = offsets[i]; k <= col; k++) {
                    mask[(i * len + col) * len + k] = 1f;
                }
            }
        }
        NDArray x = embed(ps, ids, m.create(posIds, new Shape(b, len)));
        NDArray maskArray = m.create(mask, new Shape(b, len, len));
        for (int l = 0; l < layers.length; l++) {
            NDArray h = layers[l].norm1.forward(ps, new NDList(x), false).head();
            NDArray[] kv = layers[l].keysAndValues(ps, h);
            c.attentionInputs[2 * l] = kv[0];
            c.attentionInputs[2 * l + 1] = kv[1];
            x = layers[l].rest(ps, x, h, kv[0], kv[1], maskArray);
        }
        c.length = len;
        cacheOut[0] = c;
        return logits(ps, x.get(new NDIndex(":, -1:, :")), b);
    }

    /** The logits {@code (B, V)} after appending one character per sequence {@code (B, 1)}; grows the cache. */
    public NDArray next(ParameterStore ps, NDArray ids, Cache c) {
        long b = ids.getShape().get(0);
        NDManager m = ids.getManager();
        int[] posIds = new int[(int) b];
        for (int i = 0; i < b; i++) {
            posIds[i] = c.length - c.offsets[i];
        }
        NDArray x = embed(ps, ids, m.create(posIds, new Shape(b, 1)));
        NDArray mask = c.keyMask(m, c.length + 1);
        for (int l = 0; l < layers.length; l++) {
            NDArray h = layers[l].norm1.forward(ps, new NDList(x), false).head();
            NDArray[] kv = layers[l].keysAndValues(ps, h);
            for (int e = 0; e < 2; e++) {
                NDArray old = c.attentionInputs[2 * l + e];
                c.attentionInputs[2 * l + e] = old.concat(kv[e], 1);
                old.close();
            }
            x = layers[l].rest(ps, x, h, c.attentionInputs[2 * l], c.attentionInputs[2 * l + 1], mask);
        }
        c.length++;
        return logits(ps, x, b);
    }

    /** Token plus position embeddings for tokens {@code (B, L)} at positions {@code (B, L)}. */
    private NDArray embed(ParameterStore ps, NDArray ids, NDArray positionIds) {
        long b = ids.getShape().get(0);
        long len = ids.getShape().get(1);
        NDArray tok = ps.getValue(tokens, ids.getDevice(), false);
        NDArray pos = ps.getValue(positions, ids.getDevice(), false);
        NDArray x = ids.oneHot(a.vocabulary()).reshape(b * len, a.vocabulary()).matMul(tok);
        NDArray p = positionIds.oneHot(a.maxLength()).reshape(b * len, a.maxLength()).matMul(pos);
        return x.add(p).reshape(b, len, a.hidden());
    }

    private NDArray logits(ParameterStore ps, NDArray lastX, long b) {
        NDArray x = finalNorm.forward(ps, new NDList(lastX), false).head();
        return vocab.forward(ps, new NDList(x.reshape(b, a.hidden())), false).head();
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
        private final int heads;

        Layer(int width, int heads) {
            super((byte) 1);
            this.width = width;
            this.heads = heads;
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

        /** Projected keys and values {@code (B, L, width)} of normalised inputs {@code h}, for the cache. */
        NDArray[] keysAndValues(ParameterStore ps, NDArray h) {
            return new NDArray[] {attention.getKeyProjection().forward(ps, new NDList(h), false).head(),
                attention.getValueProjection().forward(ps, new NDList(h), false).head()};
        }

        /**
         * The layer for inference given its normalised input {@code h} {@code (B, Lq, width)} and
         * the keys and values of every position so far {@code (B, T, width)}: the attention of
         * {@link ScaledDotProductAttentionBlock} written out (its block reads keys at the queries'
         * length), then the feed-forward part.
         */
        NDArray rest(ParameterStore ps, NDArray x, NDArray h, NDArray keys, NDArray values, NDArray mask) {
            Shape s = x.getShape();
            long b = s.get(0);
            long lq = s.get(1);
            long t = keys.getShape().get(1);
            long d = width / heads;
            NDArray q = attention.getQueryProjection().forward(ps, new NDList(h), false).head()
                    .reshape(b, lq, heads, d).transpose(0, 2, 1, 3);
            NDArray k = keys.reshape(b, t, heads, d).transpose(0, 2, 1, 3);
            NDArray v = values.reshape(b, t, heads, d).transpose(0, 2, 1, 3);
            NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).mul((float) (1.0 / Math.sqrt(d)));
            NDArray blocked = mask.reshape(b, 1, lq, t).mul(-1f).add(1f).mul(-100000f);
            NDArray att = scores.add(blocked).softmax(-1).matMul(v).transpose(0, 2, 1, 3).reshape(b, lq, width);
            x = x.add(attention.getResultProjection().forward(ps, new NDList(att), false).head());
            NDArray f = norm2.forward(ps, new NDList(x), false).head().reshape(b * lq, width);
            f = Activation.relu(up.forward(ps, new NDList(f), false).head());
            f = down.forward(ps, new NDList(f), false).head().reshape(s);
            return x.add(f);
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
