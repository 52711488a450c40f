package org.fedwan.fl.strategy;

import java.util.List;

/**
 * Adaptive federated optimization (Reddi et al., "Adaptive Federated Optimization", ICLR 2021,
 * Algorithm 2), the base of {@link FedAdagrad}, {@link FedAdam} and {@link FedYogi} (Flower's
 * {@code FedOpt}). With the averaged step {@code delta} ({@code mean - global} for weights,
 * {@code mean} for updates, {@code -clientLearningRate x mean} for gradients), per coordinate:
 * <pre>
 *   m = beta1 m + (1 - beta1) delta
 *   v = secondMoment(v, delta^2)          (Adagrad, Adam or Yogi)
 *   x = (float) (global + eta m / (sqrt(v) + tau))
 * </pre>
 * without bias correction, as in the paper's Algorithm 2 (Flower's {@code FedAdam} has added one
 * since its PR #4362; this class does not). {@code m} and {@code v} start at 0, as in Flower
 * ({@code np.zeros_like}); Algorithm 2 allows any {@code v_{-1} >= tau^2}, and with {@code tau > 0}
 * a zero start never divides by zero. A layer nobody sent contributes {@code delta = 0}; its
 * moments still decay and its momentum still moves it. {@code global} is the model the round
 * started from (after the downlink), so the server steps from what the clients hold. The moments
 * are kept in double precision between rounds: one instance per run.
 */
public abstract class FedOpt implements Strategy {

    private final StrategyContext context;
    private final double eta;
    private final double beta1;
    private final double tau;
    private double[][] m;
    private double[][] v;

    /**
     * @param eta   server learning rate ({@code > 0})
     * @param beta1 first-moment decay in [0, 1)
     * @param tau   adaptivity ({@code > 0})
     * @throws IllegalArgumentException if a value is out of range, or the context's server learning
     *                                  rate is not 1 (the adaptive step is {@code eta})
     */
    FedOpt(StrategyContext context, double eta, double beta1, double tau) {
        if (context == null) {
            throw new IllegalArgumentException(name() + " needs a strategy context");
        }
        if (context.serverLearningRate() != 1) {
            throw new IllegalArgumentException("strategy '" + name() + "' steps by its option 'eta'; server_learning_rate "
                    + "must stay 1, got " + context.serverLearningRate());
        }
        String owner = "strategy '" + name() + "'";
        this.context = context;
        this.eta = ETA.check(owner, eta);
        this.beta1 = BETA_1.check(owner, beta1);
        this.tau = TAU.check(owner, tau);
    }

    /** Option {@code eta}: bounds only; each strategy documents its own default. */
    static final StrategyDoc.Option ETA = new StrategyDoc.Option("eta", 0.1, 0, false, Double.POSITIVE_INFINITY, false,
            "server learning rate");
    /** Option {@code beta_1}: bounds only. */
    static final StrategyDoc.Option BETA_1 = new StrategyDoc.Option("beta_1", 0.9, 0, true, 1, false,
            "first-moment decay");
    /** Option {@code beta_2}: bounds only. */
    static final StrategyDoc.Option BETA_2 = new StrategyDoc.Option("beta_2", 0.99, 0, true, 1, false,
            "second-moment decay");
    /** Option {@code tau}: bounds only. */
    static final StrategyDoc.Option TAU = new StrategyDoc.Option("tau", 1e-3, 0, false, Double.POSITIVE_INFINITY, false,
            "adaptivity");

    /** The new second moment from the previous one and {@code delta^2}. */
    abstract double secondMoment(double previous, double deltaSquared);

    /** Server learning rate {@code eta}. */
    public final double eta() {
        return eta;
    }

    /** First-moment decay {@code beta1}. */
    public final double beta1() {
        return beta1;
    }

    /** Adaptivity {@code tau}. */
    public final double tau() {
        return tau;
    }

    @Override
    public final float[][] aggregateFit(int round, float[][] global, List<ClientResult> results, List<Failure> failures) {
        if (results.isEmpty()) {
            return global;
        }
        double[][] delta = ServerStep.delta(context, global, ServerStep.average(context, global, results));
        if (m == null) {
            m = ServerStep.zerosLike(global);
            v = ServerStep.zerosLike(global);
        }
        ServerStep.checkShape(name(), m, global);
        float[][] next = new float[global.length][];
        for (int l = 0; l < global.length; l++) {
            double[] ml = m[l];
            double[] vl = v[l];
            next[l] = new float[global[l].length];
            for (int i = 0; i < ml.length; i++) {
                double d = delta[l][i];
                ml[i] = beta1 * ml[i] + (1 - beta1) * d;
                vl[i] = secondMoment(vl[i], d * d);
                next[l][i] = (float) (global[l][i] + eta * ml[i] / (Math.sqrt(vl[i]) + tau));
            }
        }
        return next;
    }

    /** Documentation of the option {@code base} with this strategy's default and its source. */
    static StrategyDoc.Option option(StrategyDoc.Option base, double defaultValue, String meaning) {
        return new StrategyDoc.Option(base.key(), defaultValue, base.min(), base.minInclusive(), base.max(),
                base.maxInclusive(), meaning);
    }
}
