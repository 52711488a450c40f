package org.fedwan.compression.scheme;

/**
 * What a scheme's decoded values need when the server aggregates them, declared by every
 * {@link Scheme} so that the server never has to read option strings. The averaging itself is the
 * server's ({@code org.fedwan.fl.strategy}); compression only says which kind it needs.
 */
public enum AveragingRule {

    /**
     * A per-layer mean over the clients whose message carries the layer, weighted as the server
     * chooses (FedAvg: sample counts); a layer nobody sent keeps its previous value (seed 000 eq. 1;
     * {@code org.fedwan.fl.strategy.Averaging} does the arithmetic).
     */
    MEAN,

    /**
     * Each layer weighted by the inverse of the mean squared quantization error each client
     * reported for it (seed 002 eq. 8): OCTAV with
     * {@code weighting=mse}, alone, as {@code xfl codec=octav} or under error feedback.
     */
    INVERSE_MSE,

    /**
     * The decoded values are running states (previous quantized value plus innovation), so the
     * server averages the latest value it holds for every client it has heard from, whether or not
     * the client sent this round ({@link ServerDecoder#latest}; lazy aggregation of LAQ, seed 004
     * eq. 13 and Sun et al. 2020): LAQ, SLAQ, FLQ innovation and QRR, which error feedback cannot
     * wrap.
     */
    LATEST_OF_EVERY_CLIENT
}
