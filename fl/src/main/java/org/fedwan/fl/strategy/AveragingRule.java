package org.fedwan.fl.strategy;

/** How a strategy averages the client values of one layer, over the clients that sent that layer. */
public enum AveragingRule {
    /**
     * Mean weighted by the clients' sample counts (FedAvg, McMahan et al. 2017, Algorithm 1, weights {@code n_k / n};
     * per layer over the senders for partial messages, seed 000 eq. 1):
     * {@link Averaging#sampleWeightedMean}.
     */
    MEAN,
    /**
     * Mean weighted by the inverse of the quantization mean squared error each client reported for
     * the layer (seed 002 eq. 8): {@link Averaging#inverseMse}.
     */
    INVERSE_MSE
}
