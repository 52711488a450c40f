package org.fedwan.fl.strategy;

import java.util.List;

/**
 * Server averaging kernels as pure functions over decoded client values, layer by layer, so that
 * partial messages (XFL) and per-layer side data (OCTAV's MSE) are used as the seeds define them.
 * Each returns new arrays and leaves its inputs untouched. Sums run in the order of
 * {@code results} in double precision and each value is rounded to float once,
 * {@code (float) (sum_j w_j v_j / sum_j w_j)}.
 */
public final class Averaging {

    private Averaging() {
    }

    /**
     * Seed 000 eq. 1: each layer is the plain mean over the clients whose result carries it
     * ({@code 1 / n_l}); a layer nobody sent is copied from {@code fallback} (the global weights
     * when averaging weights, zeros when averaging updates or gradients).
     */
    public static float[][] mean(float[][] fallback, List<ClientResult> results) {
        return weighted(fallback, results, null);
    }

    /**
     * FedAvg (McMahan et al. 2017, Algorithm 1): per-layer mean weighted by each client's
     * {@link ClientResult#samples()}, over the clients that sent the layer; a layer nobody sent
     * (or whose senders all have weight 0) is copied from {@code fallback}.
     *
     * @throws IllegalArgumentException if a sample count is negative
     */
    public static float[][] sampleWeightedMean(float[][] fallback, List<ClientResult> results) {
        double[] w = new double[results.size()];
        for (int j = 0; j < w.length; j++) {
            w[j] = (double) results.get(j).samples();
        }
        return weighted(fallback, results, w);
    }

    /**
     * Per-layer mean weighted by {@code clientWeights[j]} for {@code results.get(j)}, over the
     * clients that sent the layer.
     *
     * @throws IllegalArgumentException if the lengths differ or a weight is negative, NaN or infinite
     */
    public static float[][] weightedMean(float[][] fallback, List<ClientResult> results, double[] clientWeights) {
        if (clientWeights.length != results.size()) {
            throw new IllegalArgumentException(clientWeights.length + " weights for " + results.size() + " updates");
        }
        return weighted(fallback, results, clientWeights);
    }

    /**
     * Seed 002 eq. 8: each layer is weighted by the inverse of the mean squared quantization error
     * the client reported for it, {@code w = sum_j w_j / e_j / sum_j 1 / e_j}. Clients that report
     * zero error for a layer (exact) share it equally, the limit of eq. 8. A layer nobody sent is
     * copied from {@code fallback}.
     *
     * @throws IllegalArgumentException if a result carries a layer without a reported error
     */
    public static float[][] inverseMse(float[][] fallback, List<ClientResult> results) {
        float[][] out = new float[fallback.length][];
        for (int l = 0; l < fallback.length; l++) {
            boolean anyExact = false;
            int count = 0;
            for (ClientResult u : results) {
                if (u.has(l)) {
                    double e = u.layerMse()[l];
                    if (Double.isNaN(e) || e < 0) {
                        throw new IllegalArgumentException("client " + u.clientId() + " reported no MSE for layer " + l
                                + "; use a scheme that sends it (octav weighting=mse)");
                    }
                    anyExact |= e == 0;
                    count++;
                }
            }
            if (count == 0) {
                out[l] = fallback[l].clone();
                continue;
            }
            double[] acc = new double[fallback[l].length];
            double total = 0;
            for (ClientResult u : results) {
                if (!u.has(l)) {
                    continue;
                }
                double e = u.layerMse()[l];
                double w = anyExact ? (e == 0 ? 1 : 0) : 1 / e;
                total += w;
                float[] v = u.values()[l];
                for (int i = 0; i < acc.length; i++) {
                    acc[i] += w * v[i];
                }
            }
            out[l] = new float[acc.length];
            for (int i = 0; i < acc.length; i++) {
                out[l][i] = (float) (acc[i] / total);
            }
        }
        return out;
    }

    /**
     * Sample-weighted average of model buffers (batch-norm running statistics, which travel beside
     * the weights outside the layout): {@code (float) sum_k (n_k / n) b_k}, the share computed
     * first, in the order of {@code buffers}. With no buffers, {@code previous} itself is returned.
     *
     * @param buffers one buffer array per contributing client
     * @param samples the clients' sample counts ({@code > 0}), in the same order
     * @throws IllegalArgumentException if the lists differ in size, a count is not positive or a
     *                                  buffer has another length than {@code previous}
     */
    public static float[] averageBuffers(float[] previous, List<float[]> buffers, List<Long> samples) {
        if (buffers.size() != samples.size()) {
            throw new IllegalArgumentException(buffers.size() + " buffer arrays but " + samples.size() + " sample counts");
        }
        if (buffers.isEmpty()) {
            return previous;
        }
        long total = 0;
        for (long s : samples) {
            if (s <= 0) {
                throw new IllegalArgumentException("a contribution needs a positive sample count, got " + s);
            }
            total += s;
        }
        double[] acc = new double[previous.length];
        for (int k = 0; k < buffers.size(); k++) {
            float[] b = buffers.get(k);
            if (b.length != acc.length) {
                throw new IllegalArgumentException("buffer array " + k + " has " + b.length + " values, expected " + acc.length);
            }
            double share = (double) samples.get(k) / total;
            for (int i = 0; i < acc.length; i++) {
                acc[i] += share * b[i];
            }
        }
        float[] out = new float[acc.length];
        for (int i = 0; i < acc.length; i++) {
            out[i] = (float) acc[i];
        }
        return out;
    }

    private static float[][] weighted(float[][] fallback, List<ClientResult> results, double[] weights) {
        float[][] out = new float[fallback.length][];
        for (int l = 0; l < fallback.length; l++) {
            double[] acc = new double[fallback[l].length];
            double total = 0;
            for (int j = 0; j < results.size(); j++) {
                ClientResult u = results.get(j);
                if (!u.has(l)) {
                    continue;
                }
                double w = weights == null ? 1 : weights[j];
                if (!(w >= 0) || Double.isInfinite(w)) {
                    throw new IllegalArgumentException("client weight " + w + " must be finite and >= 0");
                }
                total += w;
                float[] v = u.values()[l];
                if (v.length != acc.length) {
                    throw new IllegalArgumentException("layer " + l + " of client " + u.clientId() + " has " + v.length
                            + " values, expected " + acc.length);
                }
                for (int i = 0; i < acc.length; i++) {
                    acc[i] += w * v[i];
                }
            }
            if (total == 0) {
                out[l] = fallback[l].clone();
                continue;
            }
            out[l] = new float[acc.length];
            for (int i = 0; i < acc.length; i++) {
                out[l][i] = (float) (acc[i] / total);
            }
        }
        return out;
    }
}
