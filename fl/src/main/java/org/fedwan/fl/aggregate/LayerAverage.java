package org.fedwan.fl.aggregate;

import java.util.List;

/**
 * Per-layer weighted averaging of client models over the clients that sent each layer; a layer
 * nobody sent keeps its global value. Three weightings:
 *
 * <ul>
 * <li>{@link Weighting#SAMPLES}: FedAvg (McMahan et al. 2017), weight {@code n_k / sum n};
 *     with every layer present this is exactly {@link FedAvg#aggregate};</li>
 * <li>{@link Weighting#UNIFORM}: XFL (seed 000, eq. 1 and 9), the plain mean over the
 *     {@code n_l} clients that sent layer {@code l};</li>
 * <li>{@link Weighting#INVERSE_MSE}: seed 002 eq. 8, weight {@code (1/e_kl) / sum_j (1/e_jl)}
 *     from each client's reported mean squared quantization error {@code e_kl} of layer {@code l}.
 *     If some present clients report an error of exactly 0 (unquantized layers), the weights
 *     tend to a uniform mean over those clients, which is what is used.</li>
 * </ul>
 *
 * <p>Weights are normalised in double precision and sums run in the order of the results, as in
 * {@link FedAvg}.
 */
public final class LayerAverage implements Strategy {

    /** How clients are weighted within a layer. */
    public enum Weighting { SAMPLES, UNIFORM, INVERSE_MSE }

    private final Weighting weighting;

    public LayerAverage(Weighting weighting) {
        this.weighting = weighting;
    }

    /** FedAvg: sample-weighted. */
    public static LayerAverage fedAvg() {
        return new LayerAverage(Weighting.SAMPLES);
    }

    /** XFL per-layer mean (seed 000). */
    public static LayerAverage xfl() {
        return new LayerAverage(Weighting.UNIFORM);
    }

    /** OCTAV inverse-MSE weighting (seed 002). */
    public static LayerAverage inverseMse() {
        return new LayerAverage(Weighting.INVERSE_MSE);
    }

    public Weighting weighting() {
        return weighting;
    }

    @Override
    public float[][] aggregate(float[][] global, List<ClientResult> results, List<Failure> failures, int round) {
        if (results.isEmpty()) {
            return global;
        }
        float[][] out = new float[global.length][];
        for (int l = 0; l < global.length; l++) {
            double[] w = weights(results, l);
            if (w == null) {
                out[l] = global[l];
                continue;
            }
            double[] acc = new double[global[l].length];
            for (int k = 0; k < results.size(); k++) {
                if (w[k] == 0) {
                    continue;
                }
                float[] v = results.get(k).layers()[l];
                if (v.length != acc.length) {
                    throw new IllegalArgumentException("client " + results.get(k).clientId() + " sent " + v.length
                            + " values for layer " + l + ", expected " + acc.length);
                }
                for (int i = 0; i < acc.length; i++) {
                    acc[i] += w[k] * v[i];
                }
            }
            out[l] = new float[acc.length];
            for (int i = 0; i < acc.length; i++) {
                out[l][i] = (float) acc[i];
            }
        }
        return out;
    }

    /** Normalised weight of each result for layer {@code l} (0 for absent), or {@code null} if nobody sent it. */
    double[] weights(List<ClientResult> results, int l) {
        double[] w = new double[results.size()];
        int present = 0;
        int zeroMse = 0;
        for (ClientResult r : results) {
            if (r.layers().length <= l) {
                throw new IllegalArgumentException("client " + r.clientId() + " has " + r.layers().length + " layer slots, layer "
                        + l + " expected");
            }
            if (r.present(l)) {
                present++;
                if (weighting == Weighting.INVERSE_MSE) {
                    if (r.layerMse() == null) {
                        throw new IllegalArgumentException("inverse-MSE weighting needs per-layer MSE values; client "
                                + r.clientId() + " reported none");
                    }
                    if (r.layerMse()[l] == 0) {
                        zeroMse++;
                    }
                }
            }
        }
        if (present == 0) {
            return null;
        }
        double sum = 0;
        for (int k = 0; k < w.length; k++) {
            ClientResult r = results.get(k);
            if (!r.present(l)) {
                continue;
            }
            w[k] = switch (weighting) {
                case SAMPLES -> r.samples();
                case UNIFORM -> 1;
                case INVERSE_MSE -> zeroMse > 0 ? (r.layerMse()[l] == 0 ? 1 : 0) : 1.0 / r.layerMse()[l];
            };
            sum += w[k];
        }
        for (int k = 0; k < w.length; k++) {
            w[k] /= sum;
        }
        return w;
    }
}
