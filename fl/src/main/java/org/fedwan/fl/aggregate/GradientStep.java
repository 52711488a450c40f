package org.fedwan.fl.aggregate;

import java.util.List;

/**
 * Distributed gradient descent from client gradients (seed 004 eq. 2 and 12, seed 003 eq. 4):
 * {@code global - lr * sum_k w_k g_k} per layer over the clients that sent it. With
 * {@link Reduction#SUM} every weight is 1, as in the QRR reference implementation, which steps
 * with the sum of the clients' gradients; with {@link Reduction#SAMPLE_MEAN} the weights are
 * {@code n_k / sum n} (FLQ eq. 4). Failed clients simply contribute nothing; for LAQ's reuse of
 * stale gradients see {@link LaqAggregator}.
 */
public final class GradientStep implements Strategy {

    /** How client gradients are combined. */
    public enum Reduction { SUM, SAMPLE_MEAN }

    private final double learningRate;
    private final Reduction reduction;

    /** @param learningRate server step size ({@code > 0}) */
    public GradientStep(double learningRate, Reduction reduction) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
        this.learningRate = learningRate;
        this.reduction = reduction;
    }

    @Override
    public float[][] aggregate(float[][] global, List<ClientResult> results, List<Failure> failures, int round) {
        if (results.isEmpty()) {
            return global;
        }
        float[][] out = new float[global.length][];
        for (int l = 0; l < global.length; l++) {
            long samples = 0;
            int present = 0;
            for (ClientResult r : results) {
                if (r.present(l)) {
                    samples += r.samples();
                    present++;
                }
            }
            if (present == 0) {
                out[l] = global[l];
                continue;
            }
            double[] acc = new double[global[l].length];
            for (ClientResult r : results) {
                if (!r.present(l)) {
                    continue;
                }
                double w = reduction == Reduction.SUM ? 1 : (double) r.samples() / samples;
                Steps.addScaled(acc, r.layers()[l], w, r.clientId(), l);
            }
            out[l] = Steps.descend(global[l], acc, learningRate);
        }
        return out;
    }
}
