package org.fedwan.fl.train;

/**
 * What a gradient-mode client computes (seeds 003 and 004 upload gradients, not models).
 */
public enum GradientMode {
    /**
     * The mean gradient over one mini-batch of the client's data, drawn at random from the job's
     * seed: seed 004's set-up ("the clients computing their local mean gradient over a single
     * batch", batch size 512; the QRR code takes the first batch of a shuffled loader).
     */
    ONE_MINIBATCH,
    /**
     * The mean gradient over all of the client's data (full local batch, as in LAQ's
     * deterministic variant and FLQ's gradient of F_n, seed 003 eq. 1), computed in chunks of
     * the batch size and combined with weights {@code chunk size / n}. For models with batch
     * normalisation each chunk uses its own batch statistics.
     */
    FULL_LOCAL_DATA
}
