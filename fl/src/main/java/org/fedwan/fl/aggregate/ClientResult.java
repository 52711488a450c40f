package org.fedwan.fl.aggregate;

import java.util.Arrays;

/**
 * What one client delivered in a round, as the server decoded it: one array per layer of the
 * model's layout, {@code null} for a layer the client did not send (seed 000's XFL sends one
 * layer per round). Whether the arrays are model weights or gradients depends on the strategy:
 * {@link LayerAverage} reads weights, {@link GradientStep} and {@link LaqAggregator} gradients.
 *
 * @param clientId  the client's index, stable across rounds (LAQ keeps state per client)
 * @param layers    per-layer values, {@code null} where absent
 * @param samples   training samples behind the values ({@code > 0}; FedAvg's weight)
 * @param layerMse  per-layer mean squared quantization error the client reported (seed 002,
 *                  eq. 8), or {@code null} if it reported none; entries for absent layers are ignored
 */
public record ClientResult(int clientId, float[][] layers, long samples, double[] layerMse) {

    public ClientResult {
        if (layers == null || layers.length == 0) {
            throw new IllegalArgumentException("client " + clientId + ": a result needs at least one layer slot");
        }
        if (samples <= 0) {
            throw new IllegalArgumentException("client " + clientId + ": a result needs a positive sample count, got " + samples);
        }
        if (layerMse != null) {
            if (layerMse.length != layers.length) {
                throw new IllegalArgumentException("client " + clientId + ": " + layerMse.length + " MSE values for "
                        + layers.length + " layers");
            }
            for (int l = 0; l < layers.length; l++) {
                if (layers[l] != null && (!(layerMse[l] >= 0) || !Double.isFinite(layerMse[l]))) {
                    throw new IllegalArgumentException("client " + clientId + ": layer " + l + " MSE must be a finite number >= 0, got "
                            + layerMse[l]);
                }
            }
        }
    }

    /** A result holding every layer, without MSE figures. */
    public static ClientResult full(int clientId, float[][] layers, long samples) {
        return new ClientResult(clientId, layers, samples, null);
    }

    /** A result holding only layer {@code layer} (seed 000's one layer per client and round). */
    public static ClientResult singleLayer(int clientId, int layerCount, int layer, float[] values, long samples) {
        float[][] layers = new float[layerCount][];
        layers[layer] = values;
        return new ClientResult(clientId, layers, samples, null);
    }

    /** True if the client sent layer {@code l}. */
    public boolean present(int l) {
        return layers[l] != null;
    }

    @Override
    public String toString() {
        StringBuilder sent = new StringBuilder();
        for (int l = 0; l < layers.length; l++) {
            if (layers[l] != null) {
                sent.append(sent.length() == 0 ? "" : ",").append(l);
            }
        }
        return "ClientResult[client " + clientId + ", layers {" + sent + "}, samples " + samples
                + (layerMse == null ? "" : ", mse " + Arrays.toString(layerMse)) + "]";
    }
}
