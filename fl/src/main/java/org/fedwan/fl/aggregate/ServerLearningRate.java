package org.fedwan.fl.aggregate;

import java.util.List;

/**
 * A server learning rate around another strategy (Reddi et al. 2021, "Adaptive federated
 * optimization", FedAvg with server step size): {@code global + eta * (inner - global)},
 * computed in double precision per value. {@code eta = 1} gives the inner strategy's model.
 */
public final class ServerLearningRate implements Strategy {

    private final Strategy inner;
    private final double eta;

    /** @param eta server learning rate ({@code > 0}) */
    public ServerLearningRate(Strategy inner, double eta) {
        if (!(eta > 0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("server learning rate must be a positive number, got " + eta);
        }
        this.inner = inner;
        this.eta = eta;
    }

    @Override
    public float[][] aggregate(float[][] global, List<ClientResult> results, List<Failure> failures, int round) {
        float[][] averaged = inner.aggregate(global, results, failures, round);
        if (averaged == global) {
            return global;
        }
        float[][] out = new float[global.length][];
        for (int l = 0; l < global.length; l++) {
            if (averaged[l] == global[l]) {
                out[l] = global[l];
                continue;
            }
            out[l] = new float[global[l].length];
            for (int i = 0; i < out[l].length; i++) {
                out[l][i] = (float) (global[l][i] + eta * ((double) averaged[l][i] - global[l][i]));
            }
        }
        return out;
    }
}
