package org.fedwan.fl.train;

/**
 * Quantization-aware training (seed 002: clients "do quantization aware training"): the weights
 * every local step's forward and backward pass sees. The step's gradient, taken at the projected
 * weights, updates the full-precision weights (the straight-through estimator of BinaryConnect and
 * of OCTAV's training). Implementations must be safe to call from several trainer threads.
 */
@FunctionalInterface
public interface WeightProjection {

    /**
     * @param weights the full-precision weights, one array per layer (not to be modified)
     * @param step    0-based index of the local step (a source of per-step randomness)
     * @return the weights the step runs at, one array per layer
     */
    float[][] project(float[][] weights, long step);
}
