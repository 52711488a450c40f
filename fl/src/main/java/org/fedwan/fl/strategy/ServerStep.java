package org.fedwan.fl.strategy;

import org.fedwan.compression.scheme.AveragingRule;

import java.util.List;

/** The pieces every strategy composes: the average of the client values and the step it makes. */
final class ServerStep {

    private ServerStep() {
    }

    /**
     * The per-layer average of {@code results} under the context's rule; a layer nobody sent
     * falls back to {@code global} for {@link ValueKind#WEIGHTS} (no step) and to zeros otherwise.
     */
    static float[][] average(StrategyContext context, float[][] global, List<ClientResult> results) {
        float[][] fallback = context.kind() == ValueKind.WEIGHTS ? global : zeros(global);
        return context.rule() == AveragingRule.INVERSE_MSE ? Averaging.inverseMse(fallback, results)
                : Averaging.sampleWeightedMean(fallback, results);
    }

    /**
     * The averaged step {@code delta} (Reddi et al. 2021's pseudo-gradient, with the sign of an
     * update): {@code mean - global} for weights (the subtraction in float, as the round
     * controller has always done), {@code mean} for updates, {@code -clientLearningRate x mean}
     * for gradients.
     */
    static double[][] delta(StrategyContext context, float[][] global, float[][] mean) {
        double[][] d = new double[global.length][];
        for (int l = 0; l < global.length; l++) {
            d[l] = new double[global[l].length];
            for (int i = 0; i < d[l].length; i++) {
                d[l][i] = switch (context.kind()) {
                    case WEIGHTS -> mean[l][i] - global[l][i];
                    case UPDATES -> mean[l][i];
                    case GRADIENTS -> -context.clientLearningRate() * mean[l][i];
                };
            }
        }
        return d;
    }

    /** Zero arrays shaped like {@code like}. */
    static double[][] zerosLike(float[][] like) {
        double[][] z = new double[like.length][];
        for (int l = 0; l < like.length; l++) {
            z[l] = new double[like[l].length];
        }
        return z;
    }

    /** Throws unless {@code state} (server optimizer state from earlier rounds) has the shape of {@code global}. */
    static void checkShape(String owner, double[][] state, float[][] global) {
        boolean same = state.length == global.length;
        for (int l = 0; same && l < global.length; l++) {
            same = state[l].length == global[l].length;
        }
        if (!same) {
            throw new IllegalArgumentException(owner + ": the global model changed shape between rounds; "
                    + "use one strategy instance per run");
        }
    }

    private static float[][] zeros(float[][] like) {
        float[][] z = new float[like.length][];
        for (int l = 0; l < like.length; l++) {
            z[l] = new float[like[l].length];
        }
        return z;
    }
}
