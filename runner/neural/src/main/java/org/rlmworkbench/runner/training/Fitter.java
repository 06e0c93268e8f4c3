package org.rlmworkbench.runner.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.rlmworkbench.runner.neural.NeuralNet;

/**
 * Minibatch training of one network with Adam, validation after each epoch, early stopping
 * with patience, and the best epoch's weights kept. Shuffling draws from the given seed, so the
 * same data and seed give the same weights.
 */
public final class Fitter {

    /** How a fit ended: epochs run, best validation loss (or last training loss), whether it stopped early. */
    public record Result(int epochs, double bestLoss, double firstTrainLoss, double lastTrainLoss, boolean early) {
    }

    private Fitter() {
    }

    public static <E> Result fit(NeuralNet net, String name, int phase, List<E> train, List<E> validation,
                                 FitTask<E> task, int epochs, int patience, int batchSize, float learningRate,
                                 long seed, TrainingListener listener, BooleanSupplier cancel) {
        return fit(net, name, phase, train, validation, task, epochs, patience, batchSize,
                ai.djl.training.tracker.Tracker.fixed(learningRate), seed, listener, cancel);
    }

    /**
     * The learning rate a short warm-up then a cosine decay over the whole run gives: from a tenth
     * of {@code peak} up to {@code peak} over the first 5% of the updates (at most 200), then down
     * to a twentieth of it at the last update. Small transformers learn exact tables (arithmetic)
     * far better with the decay than at a fixed rate.
     */
    public static ai.djl.training.tracker.Tracker warmUpCosine(float peak, int epochs, int examples, int batchSize) {
        int updates = Math.max(1, epochs * ((examples + batchSize - 1) / batchSize));
        int warm = Math.min(200, updates / 20);
        ai.djl.training.tracker.Tracker cosine = ai.djl.training.tracker.Tracker.cosine().setBaseValue(peak)
                .optFinalValue(peak / 20).setMaxUpdates(Math.max(1, updates - warm)).build();
        if (warm == 0) {
            return cosine;
        }
        return ai.djl.training.tracker.Tracker.warmUp().optWarmUpBeginValue(peak / 10).optWarmUpSteps(warm)
                .setMainTracker(cosine).build();
    }

    /** As the other {@code fit}, with the learning rate following {@code schedule} by update count. */
    public static <E> Result fit(NeuralNet net, String name, int phase, List<E> train, List<E> validation,
                                 FitTask<E> task, int epochs, int patience, int batchSize,
                                 ai.djl.training.tracker.Tracker schedule,
                                 long seed, TrainingListener listener, BooleanSupplier cancel) {
        if (train.isEmpty()) {
            return new Result(0, Double.NaN, Double.NaN, Double.NaN, false);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<E> order = new ArrayList<>(train);
        double best = Double.POSITIVE_INFINITY;
        byte[] bestWeights = null;
        int sinceBest = 0;
        double first = Double.NaN;
        double last = Double.NaN;
        int epoch = 0;
        boolean early = false;
        try (Trainer trainer = net.newTrainer(schedule)) {
            for (epoch = 1; epoch <= epochs; epoch++) {
                shuffle(order, rng);
                double sum = 0;
                for (int from = 0; from < order.size(); from += batchSize) {
                    if (cancel.getAsBoolean()) {
                        throw new TrainingCancelledException();
                    }
                    List<E> batch = order.subList(from, Math.min(order.size(), from + batchSize));
                    try (NDManager m = net.manager().newSubManager()) {
                        NDList in = task.inputs(m, batch);
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            net.countForward();
                            NDList out = trainer.forward(in);
                            NDArray loss = task.loss(m, out, batch);
                            gc.backward(loss);
                            sum += loss.getFloat() * batch.size();
                        }
                        trainer.step();
                        zeroGradients(net);
                    }
                }
                last = sum / order.size();
                if (epoch == 1) {
                    first = last;
                }
                double val = validation.isEmpty() ? Double.NaN : loss(net, validation, task, batchSize);
                listener.onEvent(new TrainingEvent.EpochFinished(phase, name, epoch, last, val));
                double score = validation.isEmpty() ? last : val;
                if (score < best - 1e-6) {
                    best = score;
                    bestWeights = net.parameterBytes();
                    sinceBest = 0;
                } else if (++sinceBest >= patience) {
                    early = true;
                    break;
                }
            }
        }
        if (bestWeights != null) {
            net.loadParameterBytes(bestWeights);
        }
        int ran = Math.min(epoch, epochs);
        listener.onEvent(new TrainingEvent.NetworkTrained(phase, name, ran, best, early));
        return new Result(ran, best, first, last, early);
    }

    /** Mean loss of {@code examples} without training. */
    public static <E> double loss(NeuralNet net, List<E> examples, FitTask<E> task, int batchSize) {
        double sum = 0;
        for (int from = 0; from < examples.size(); from += batchSize) {
            List<E> batch = examples.subList(from, Math.min(examples.size(), from + batchSize));
            try (NDManager m = net.manager().newSubManager()) {
                NDList out = net.predict(task.inputs(m, batch));
                sum += task.loss(m, out, batch).getFloat() * batch.size();
            }
        }
        return sum / examples.size();
    }

    private static void zeroGradients(NeuralNet net) {
        for (Pair<String, Parameter> p : net.block().getParameters()) {
            NDArray a = p.getValue().getArray();
            if (a.hasGradient()) {
                try (NDArray g = a.getGradient()) {
                    g.subi(g);
                }
            }
        }
    }

    private static <E> void shuffle(List<E> list, SplittableRandom rng) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            E t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
