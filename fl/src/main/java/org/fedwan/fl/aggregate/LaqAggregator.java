package org.fedwan.fl.aggregate;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The server side of LAQ, lazily aggregated quantized gradients (Sun et al. 2020, as used by
 * seed 004, eq. 13-17): the server keeps the last quantized gradient {@code Q_m} it received
 * from each client {@code m} and steps with their sum,
 * {@code theta^{k+1} = theta^k - lr * sum_m Q_m}. A client that skips an upload (LAQ's lazy
 * rule), fails or sends only some layers keeps contributing its stale {@code Q_m} for the
 * missing layers; a client never heard from contributes nothing. Results carry each reporting
 * client's current quantized gradient {@code Q_m^k} as the server reconstructed it
 * ({@code Q_m^{k-1} + deltaQ_m^k}, eq. 17); a decoder that needs {@code Q_m^{k-1}} gets it from
 * {@link #lastQuantized(int)}. As in the QRR and SLAQ reference code, the gradients are summed,
 * not averaged. Sums run in ascending client index.
 *
 * <p>Stateful: one instance per run; not thread-safe.
 */
public final class LaqAggregator implements Strategy {

    private final double learningRate;
    private final Map<Integer, float[][]> lastQuantized = new TreeMap<>();

    /** @param learningRate server step size {@code lr} ({@code > 0}) */
    public LaqAggregator(double learningRate) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    /** The last quantized gradient received from {@code clientId} (a copy; absent layers {@code null}), or {@code null}. */
    public float[][] lastQuantized(int clientId) {
        float[][] q = lastQuantized.get(clientId);
        if (q == null) {
            return null;
        }
        float[][] copy = new float[q.length][];
        for (int l = 0; l < q.length; l++) {
            copy[l] = q[l] == null ? null : q[l].clone();
        }
        return copy;
    }

    /** Number of clients whose gradient the server holds. */
    public int clientsHeld() {
        return lastQuantized.size();
    }

    @Override
    public float[][] aggregate(float[][] global, List<ClientResult> results, List<Failure> failures, int round) {
        for (ClientResult r : results) {
            float[][] q = lastQuantized.computeIfAbsent(r.clientId(), id -> new float[global.length][]);
            if (r.layers().length != global.length) {
                throw new IllegalArgumentException("client " + r.clientId() + " has " + r.layers().length + " layer slots, expected "
                        + global.length);
            }
            for (int l = 0; l < global.length; l++) {
                if (r.present(l)) {
                    if (r.layers()[l].length != global[l].length) {
                        throw new IllegalArgumentException("client " + r.clientId() + " sent " + r.layers()[l].length
                                + " values for layer " + l + ", expected " + global[l].length);
                    }
                    q[l] = r.layers()[l].clone();
                }
            }
        }
        if (lastQuantized.isEmpty()) {
            return global;
        }
        float[][] out = new float[global.length][];
        for (int l = 0; l < global.length; l++) {
            double[] sum = new double[global[l].length];
            boolean any = false;
            for (Map.Entry<Integer, float[][]> e : lastQuantized.entrySet()) {
                float[] q = e.getValue()[l];
                if (q != null) {
                    Steps.addScaled(sum, q, 1, e.getKey(), l);
                    any = true;
                }
            }
            out[l] = any ? Steps.descend(global[l], sum, learningRate) : global[l];
        }
        return out;
    }
}
