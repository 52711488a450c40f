package org.fedwan.fl.train;

/**
 * What a model-mode client returns after local training.
 *
 * @param weights trained weights, one array per layer
 * @param buffers the model's buffers after training (batch-norm running statistics; empty for
 *                models without), which travel beside the weights and are averaged with
 *                {@link org.fedwan.fl.strategy.Averaging#averageBuffers}
 * @param state   the client's optimizer state after training, to pass to its next job
 * @param steps   mini-batch steps taken
 */
public record TrainResult(float[][] weights, float[] buffers, OptimizerState state, long steps) {
}
