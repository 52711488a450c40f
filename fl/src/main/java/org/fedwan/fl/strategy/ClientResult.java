package org.fedwan.fl.strategy;

import org.fedwan.compression.scheme.AveragingRule;

import java.util.Arrays;

/**
 * What one client delivered in a round, as the server decoded it.
 *
 * @param clientId the client's index, stable across rounds
 * @param values   one array per layer of the model's layout, {@code null} for a layer the client did
 *                 not send (seed 000's XFL sends some layers only); weights, updates or gradients as
 *                 the strategy's {@link ValueKind} says. Not copied: callers must not modify it later.
 * @param samples  training samples behind the values, the client's weight in {@link AveragingRule#MEAN}
 * @param layerMse per layer, the mean squared quantization error the client reported (seed 002
 *                 eq. 8), NaN where it reported none; {@code null} is read as all NaN
 */
public record ClientResult(int clientId, float[][] values, long samples, double[] layerMse) {

    /**
     * @throws IllegalArgumentException if {@code values} is null or {@code layerMse} has another length
     */
    public ClientResult {
        if (values == null) {
            throw new IllegalArgumentException("client " + clientId + ": a result needs its per-layer values");
        }
        if (layerMse == null) {
            layerMse = new double[values.length];
            Arrays.fill(layerMse, Double.NaN);
        } else if (layerMse.length != values.length) {
            throw new IllegalArgumentException("client " + clientId + ": " + layerMse.length + " MSE values for "
                    + values.length + " layers");
        }
    }

    /** A result without reported MSE. */
    public static ClientResult of(int clientId, float[][] values, long samples) {
        return new ClientResult(clientId, values, samples, null);
    }

    /** Whether the client sent layer {@code layer}. */
    public boolean has(int layer) {
        return values[layer] != null;
    }

    @Override
    public String toString() {
        StringBuilder sent = new StringBuilder();
        for (int l = 0; l < values.length; l++) {
            if (values[l] != null) {
                sent.append(sent.length() == 0 ? "" : ",").append(l);
            }
        }
        return "ClientResult[client " + clientId + ", layers {" + sent + "}, samples " + samples + ", mse "
                + Arrays.toString(layerMse) + "]";
    }
}
