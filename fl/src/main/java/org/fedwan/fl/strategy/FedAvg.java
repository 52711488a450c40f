package org.fedwan.fl.strategy;

import java.util.List;

/**
 * Federated averaging (McMahan et al., AISTATS 2017, Algorithm 1) with a server learning rate
 * (Reddi et al., ICLR 2021, eq. 1 with SGD as server optimizer; Flower's {@code FedAvg} and its
 * {@code server_learning_rate}). With the averaged value {@code mean} and
 * {@code eta = -clientLearningRate x serverLearningRate} for gradients, {@code serverLearningRate}
 * otherwise, the next global model is {@code mean} itself for weights with {@code eta = 1}, else
 * {@code (float) (global + eta x step)}, {@code step = mean - global} (a float subtraction) for
 * weights and {@code mean} for updates and gradients: exactly the arithmetic of FedWAN's round
 * controller before strategies existed. Stateless.
 */
public final class FedAvg implements Strategy {

    /** Registry name. */
    public static final String NAME = "fedavg";

    /** Documentation; no options of its own (the step is the context's server learning rate). */
    public static final StrategyDoc DOC = new StrategyDoc(NAME,
            "federated averaging, sample-weighted (McMahan et al. 2017), stepped by server_learning_rate "
                    + "(Reddi et al. 2021, eq. 1)",
            true, List.of());

    private final StrategyContext context;

    public FedAvg(StrategyContext context) {
        if (context == null) {
            throw new IllegalArgumentException(NAME + " needs a strategy context");
        }
        this.context = context;
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
        float[][] mean = ServerStep.average(context, global, results);
        boolean weights = context.kind() == ValueKind.WEIGHTS;
        // a gradient-mode client sends a gradient: the server descends along it
        double eta = context.kind() == ValueKind.GRADIENTS ? -context.clientLearningRate() * context.serverLearningRate()
                : context.serverLearningRate();
        if (weights && eta == 1) {
            return mean;
        }
        float[][] next = new float[global.length][];
        for (int l = 0; l < global.length; l++) {
            next[l] = new float[global[l].length];
            for (int i = 0; i < next[l].length; i++) {
                double step = weights ? mean[l][i] - global[l][i] : mean[l][i];
                next[l][i] = (float) (global[l][i] + eta * step);
            }
        }
        return next;
    }
}
