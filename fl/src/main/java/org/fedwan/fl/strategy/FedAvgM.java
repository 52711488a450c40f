package org.fedwan.fl.strategy;

import java.util.List;

/**
 * Federated averaging with server momentum, FedAvgM (Hsu, Qi and Brown, "Measuring the effects of
 * non-identical data distribution for federated visual classification", arXiv:1909.06335, 2019),
 * as Flower's {@code FedAvgM} (heavy-ball momentum, no Nesterov term): with the averaged step
 * {@code delta} ({@code mean - global} for weights, {@code mean} for updates,
 * {@code -clientLearningRate x mean} for gradients), {@code v = beta v + delta} and
 * {@code x = (float) (global + serverLearningRate x v)}, {@code v} starting at 0 (so round 1 has
 * {@code v = delta}, as Flower). A layer nobody sent contributes {@code delta = 0}, its velocity
 * still carries on. The velocity is kept in double precision between rounds: one instance per run.
 */
public final class FedAvgM implements Strategy {

    /** Registry name. */
    public static final String NAME = "fedavgm";

    /**
     * {@code server_momentum}, default 0.9: the value of Flower's FedAvgM baseline reproducing Hsu
     * et al. ({@code baselines/fedavgm/fedavgm/conf/base.yaml}, {@code server.momentum: 0.9}), one
     * of the momenta {0.7, 0.9, 0.97, 0.99, 0.997} the paper sweeps; Flower's library default is 0.
     */
    public static final StrategyDoc.Option SERVER_MOMENTUM = new StrategyDoc.Option("server_momentum", 0.9, 0, true, 1,
            false, "server momentum beta of v = beta v + delta (dimensionless; 0 = FedAvg); default 0.9 as in Flower's "
                    + "FedAvgM baseline of Hsu et al. 2019");

    /** Documentation. */
    public static final StrategyDoc DOC = new StrategyDoc(NAME,
            "federated averaging with server momentum, v = beta v + delta, x = x + server_learning_rate v "
                    + "(Hsu et al. 2019)",
            true, List.of(SERVER_MOMENTUM));

    private final StrategyContext context;
    private final double serverMomentum;
    private double[][] velocity;

    /** @param serverMomentum {@code beta} in [0, 1) */
    public FedAvgM(StrategyContext context, double serverMomentum) {
        if (context == null) {
            throw new IllegalArgumentException(NAME + " needs a strategy context");
        }
        this.context = context;
        this.serverMomentum = SERVER_MOMENTUM.check("strategy '" + NAME + "'", serverMomentum);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public float[][] aggregateFit(int round, float[][] global, List<ClientResult> results, List<Failure> failures) {
        if (results.isEmpty()) {
            return global;
        }
        double[][] delta = ServerStep.delta(context, global, ServerStep.average(context, global, results));
        if (velocity == null) {
            velocity = ServerStep.zerosLike(global);
        }
        ServerStep.checkShape(NAME, velocity, global);
        double eta = context.serverLearningRate();
        float[][] next = new float[global.length][];
        for (int l = 0; l < global.length; l++) {
            double[] v = velocity[l];
            next[l] = new float[global[l].length];
            for (int i = 0; i < v.length; i++) {
                v[i] = serverMomentum * v[i] + delta[l][i];
                next[l][i] = (float) (global[l][i] + eta * v[i]);
            }
        }
        return next;
    }
}
