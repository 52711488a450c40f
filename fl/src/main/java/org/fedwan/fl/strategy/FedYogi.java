package org.fedwan.fl.strategy;

import java.util.List;

/**
 * FedYogi (Reddi et al., ICLR 2021, Algorithm 2; Yogi from Zaheer et al., NeurIPS 2018):
 * {@link FedOpt} with {@code v = v - (1 - beta_2) delta^2 sign(v - delta^2)}, {@code sign(0) = 0}
 * as {@code np.sign}. Defaults are Flower's {@code FedYogi}
 * ({@code framework/py/flwr/serverapp/strategy/fedyogi.py}, commit fdef7afb, 2026-03-29):
 * {@code eta = 0.01}, {@code beta_1 = 0.9}, {@code beta_2 = 0.99}, {@code tau = 1e-3}.
 */
public final class FedYogi extends FedOpt {

    /** Registry name. */
    public static final String NAME = "fedyogi";

    /** Documentation. */
    public static final StrategyDoc DOC = new StrategyDoc(NAME,
            "server Yogi on the averaged step, v = v - (1 - beta_2) delta^2 sign(v - delta^2) "
                    + "(Reddi et al., ICLR 2021, Algorithm 2)", false,
            List.of(option(ETA, 0.01, "server learning rate eta of x = x + eta m / (sqrt(v) + tau) (dimensionless); "
                            + "default as Flower's FedYogi"),
                    option(BETA_1, 0.9, "first-moment decay beta_1 of m = beta_1 m + (1 - beta_1) delta; default as "
                            + "Flower's FedYogi"),
                    option(BETA_2, 0.99, "second-moment decay beta_2 of the Yogi update; default as Flower's FedYogi"),
                    option(TAU, 1e-3, "adaptivity tau in sqrt(v) + tau (same unit as delta); default as Flower's "
                            + "FedYogi")));

    private final double beta2;

    public FedYogi(StrategyContext context, double eta, double beta1, double beta2, double tau) {
        super(context, eta, beta1, tau);
        this.beta2 = BETA_2.check("strategy '" + NAME + "'", beta2);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    double secondMoment(double previous, double deltaSquared) {
        return previous - (1 - beta2) * deltaSquared * Math.signum(previous - deltaSquared);
    }
}
