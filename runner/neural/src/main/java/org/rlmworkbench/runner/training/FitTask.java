package org.rlmworkbench.runner.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * How one network learns from one kind of example: the batch's input tensors and the mean loss
 * of the network's outputs on it.
 *
 * @param <E> the example type
 */
public interface FitTask<E> {

    /** Input tensors for {@code batch}, made by {@code m}. */
    NDList inputs(NDManager m, List<E> batch);

    /** The mean loss of {@code outputs} on {@code batch} (a scalar). */
    NDArray loss(NDManager m, NDList outputs, List<E> batch);
}
