package org.fedwan.fl.aggregate;

import java.util.List;

/**
 * Federated averaging (McMahan et al. 2017): the new global model is the average of the client
 * models weighted by their sample counts, {@code w = sum_k (n_k / n) w_k}. Sums run in client
 * order in double precision, so the result does not depend on which client finished first.
 */
public final class FedAvg {

    private FedAvg() {
    }

    /** One client's contribution: its model (one array per layer) and its number of training samples. */
    public record Contribution(float[][] weights, long samples) {
        public Contribution {
            if (samples <= 0) {
                throw new IllegalArgumentException("a contribution needs a positive sample count, got " + samples);
            }
        }
    }

    /**
     * Sample-weighted average of {@code contributions}; with none, {@code previous} is returned
     * unchanged (a round in which every client failed leaves the model as it was).
     */
    public static float[][] aggregate(float[][] previous, List<Contribution> contributions) {
        if (contributions.isEmpty()) {
            return previous;
        }
        long total = 0;
        for (Contribution c : contributions) {
            total += c.samples();
        }
        float[][] out = new float[previous.length][];
        for (int l = 0; l < previous.length; l++) {
            double[] acc = new double[previous[l].length];
            for (Contribution c : contributions) {
                float[] w = c.weights()[l];
                if (w.length != acc.length) {
                    throw new IllegalArgumentException("layer " + l + " has " + w.length + " values in a contribution, expected "
                            + acc.length);
                }
                double share = (double) c.samples() / total;
                for (int i = 0; i < acc.length; i++) {
                    acc[i] += share * w[i];
                }
            }
            out[l] = new float[acc.length];
            for (int i = 0; i < acc.length; i++) {
                out[l][i] = (float) acc[i];
            }
        }
        return out;
    }

    /**
     * Sample-weighted average of model buffers (batch-norm running statistics, which travel
     * beside the weights outside the layout): the same arithmetic as {@link #aggregate}. With no
     * contributions, {@code previous} is returned.
     *
     * @param buffers one buffer array per contributing client
     * @param samples the clients' sample counts, in the same order
     */
    public static float[] averageBuffers(float[] previous, List<float[]> buffers, List<Long> samples) {
        if (buffers.size() != samples.size()) {
            throw new IllegalArgumentException(buffers.size() + " buffer arrays but " + samples.size() + " sample counts");
        }
        List<Contribution> cs = new java.util.ArrayList<>(buffers.size());
        for (int i = 0; i < buffers.size(); i++) {
            cs.add(new Contribution(new float[][] {buffers.get(i)}, samples.get(i)));
        }
        return aggregate(new float[][] {previous}, cs)[0];
    }
}
