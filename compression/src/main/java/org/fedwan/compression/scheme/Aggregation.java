package org.fedwan.compression.scheme;

import java.util.List;

/**
 * Server aggregation as pure functions over decoded messages, layer by layer, so that partial
 * messages (XFL) and per-layer side data (OCTAV's MSE) are used as the seeds define them. Each
 * returns new arrays and leaves its inputs untouched.
 */
public final class Aggregation {

    private Aggregation() {
    }

    /**
     * Seed 000 eq. 1: each layer is the plain mean over the clients whose message carries it
     * ({@code 1 / n_l}); a layer nobody sent is copied from {@code fallback} (the previous global
     * weights when aggregating weights, zeros when aggregating updates).
     */
    public static float[][] layerwise(float[][] fallback, List<DecodedUpdate> updates) {
        return weighted(fallback, updates, null);
    }

    /**
     * Per-layer mean weighted by {@code clientWeights[i]} for {@code updates.get(i)} (e.g. sample
     * counts, FedAvg), over the clients that sent the layer.
     */
    public static float[][] layerwise(float[][] fallback, List<DecodedUpdate> updates, double[] clientWeights) {
        if (clientWeights.length != updates.size()) {
            throw new IllegalArgumentException(clientWeights.length + " weights for " + updates.size() + " updates");
        }
        return weighted(fallback, updates, clientWeights);
    }

    /**
     * Seed 002 eq. 8: each layer is weighted by the inverse of the mean squared quantization error
     * the client reported for it, {@code w = sum_j w_j / e_j / sum_j 1 / e_j}. Clients that report
     * zero error for a layer (exact) share it equally, the limit of eq. 8.
     *
     * @throws IllegalArgumentException if a message carries a layer without a reported error
     */
    public static float[][] inverseMse(float[][] fallback, List<DecodedUpdate> updates) {
        float[][] out = new float[fallback.length][];
        for (int l = 0; l < fallback.length; l++) {
            boolean anyExact = false;
            int count = 0;
            for (DecodedUpdate u : updates) {
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
            for (DecodedUpdate u : updates) {
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

    private static float[][] weighted(float[][] fallback, List<DecodedUpdate> updates, double[] weights) {
        float[][] out = new float[fallback.length][];
        for (int l = 0; l < fallback.length; l++) {
            double[] acc = new double[fallback[l].length];
            double total = 0;
            for (int j = 0; j < updates.size(); j++) {
                DecodedUpdate u = updates.get(j);
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
