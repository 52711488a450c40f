package org.fedwan.fl.strategy;

import java.util.List;

/**
 * FedAdam (Reddi et al., ICLR 2021, Algorithm 2): {@link FedOpt} with
 * {@code v = beta_2 v + (1 - beta_2) delta^2}, without bias correction. Defaults are Flower's
 * {@code FedAdam} ({@code framework/py/flwr/serverapp/strategy/fedadam.py}, commit fdef7afb,
 * 2026-03-29): {@code eta = 0.1}, {@code beta_1 = 0.9}, {@code beta_2 = 0.99}, {@code tau = 1e-3}
 * (Flower's older {@code server/strategy/fedadam.py}: {@code tau = 1e-9}).
 */
public final class FedAdam extends FedOpt {

    /** Registry name. */
    public static final String NAME = "fedadam";

    /** Documentation. */
    public static final StrategyDoc DOC = new StrategyDoc(NAME,
            "server Adam on the averaged step, v = beta_2 v + (1 - beta_2) delta^2, no bias correction "
                    + "(Reddi et al., ICLR 2021, Algorithm 2)", false,
            List.of(option(ETA, 0.1, "server learning rate eta of x = x + eta m / (sqrt(v) + tau) (dimensionless); "
                            + "default as Flower's FedAdam"),
                    option(BETA_1, 0.9, "first-moment decay beta_1 of m = beta_1 m + (1 - beta_1) delta; default as "
                            + "Flower's FedAdam"),
                    option(BETA_2, 0.99, "second-moment decay beta_2 of v = beta_2 v + (1 - beta_2) delta^2; default as "
                            + "Flower's FedAdam"),
                    option(TAU, 1e-3, "adaptivity tau in sqrt(v) + tau (same unit as delta); default as Flower's "
                            + "FedAdam")));

    private final double beta2;

    public FedAdam(StrategyContext context, double eta, double beta1, double beta2, double tau) {
        super(context, eta, beta1, tau);
        this.beta2 = BETA_2.check("strategy '" + NAME + "'", beta2);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    double secondMoment(double previous, double deltaSquared) {
        return beta2 * previous + (1 - beta2) * deltaSquared;
    }
}
